using System;
using System.IO;
using ServiceCommitments.Testing;
using Xunit;

namespace ServiceCommitments.Tests.Testing;

/// <summary>SERVICECOMMITMENTS_CONFORMANCE_DIR names one folder or several separated by ';'.</summary>
public sealed class ConformanceFoldersTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(";")]
    [InlineData(" ; ;; ")]
    public void Split_GivesNoFolders_WhenTheValueNamesNone(string? value) => Assert.Empty(ConformanceFolders.Split(value));

    [Fact]
    public void Split_GivesTheOneFolder_WhenThereIsNoSeparator() =>
        Assert.Equal(["/home/me/cases"], ConformanceFolders.Split("/home/me/cases"));

    [Fact]
    public void Split_GivesEachFolderInOrder_Trimmed_WithoutEmptiesOrRepeats() =>
        Assert.Equal(
            ["/a/cases", @"C:\contracts\b", "relative/c", "with space"],
            ConformanceFolders.Split(@" /a/cases ;C:\contracts\b;;relative/c; with space ;/a/cases;"));

    [Fact]
    public void Files_ListsEveryJsonFileBelowTheFolder_InOrdinalOrder()
    {
        string root = Path.Combine(Path.GetTempPath(), "sc-folders-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "sub"));
        try
        {
            File.WriteAllText(Path.Combine(root, "b.json"), "{}");
            File.WriteAllText(Path.Combine(root, "A.json"), "{}");
            File.WriteAllText(Path.Combine(root, "readme.md"), "");
            File.WriteAllText(Path.Combine(root, "sub", "c.json"), "{}");

            Assert.Equal(
                [Path.Combine(root, "A.json"), Path.Combine(root, "b.json"), Path.Combine(root, "sub", "c.json")],
                ConformanceFolders.Files(root));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Files_Throws_WhenTheFolderDoesNotExist()
    {
        string missing = Path.Combine(Path.GetTempPath(), "sc-missing-" + Guid.NewGuid().ToString("N"));
        var e = Assert.Throws<DirectoryNotFoundException>(() => ConformanceFolders.Files(missing));
        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
        Assert.Contains(ConformanceFolders.EnvironmentVariable, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnvironmentVariable_IsTheDocumentedName() =>
        Assert.Equal("SERVICECOMMITMENTS_CONFORMANCE_DIR", ConformanceFolders.EnvironmentVariable);
}
