using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using ServiceCommitments.Calendars;
using Xunit;

namespace ServiceCommitments.Tests.Design;

/// <summary>Habits from style.md checked over every public type, so a new type cannot forget them.</summary>
public sealed class PublicTypeTests
{
    private static readonly Type[] PublicTypes = typeof(BusinessCalendar).Assembly.GetExportedTypes();

    [Fact]
    public void PublicClasses_AreSealedOrStatic()
    {
        var open = PublicTypes.Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract).Select(t => t.FullName).ToList();
        Assert.True(open.Count == 0, "Public classes must be sealed or static: " + string.Join(", ", open));
    }

    [Fact]
    public void PublicTypes_SayWhetherTheyAreMutable()
    {
        string xmlPath = Path.ChangeExtension(typeof(BusinessCalendar).Assembly.Location, ".xml");
        Assert.True(File.Exists(xmlPath), $"The library's XML documentation {xmlPath} is missing.");
        var docs = XDocument.Load(xmlPath).Descendants("member")
            .ToDictionary(m => (string)m.Attribute("name")!, m => m.Value);

        var silent = PublicTypes
            .Where(t => t.IsClass && !(t.IsAbstract && t.IsSealed) && !typeof(Exception).IsAssignableFrom(t) || (t.IsValueType && !t.IsEnum))
            .Where(t => !docs.TryGetValue("T:" + t.FullName, out string? text) ||
                        !(text.Contains("mutable", StringComparison.OrdinalIgnoreCase) || text.Contains("thread-safe", StringComparison.OrdinalIgnoreCase)))
            .Select(t => t.FullName)
            .ToList();
        Assert.True(silent.Count == 0, "These public types do not say whether they are mutable or thread-safe: " + string.Join(", ", silent));
    }

    [Fact]
    public void XmlDocs_DoNotCiteNotesUsersNeverSee()
    {
        // "domain D1.1" and "design rule 9" point into the team's own notes; the docs say the thing itself.
        string xmlPath = System.IO.Path.ChangeExtension(typeof(BusinessCalendar).Assembly.Location, ".xml");
        var citing = System.Xml.Linq.XDocument.Load(xmlPath).Descendants("member")
            .Where(m => System.Text.RegularExpressions.Regex.IsMatch(m.Value, @"domain D\d|design rule", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            .Select(m => (string)m.Attribute("name")!)
            .ToList();
        Assert.True(citing.Count == 0, "These docs cite internal notes: " + string.Join(", ", citing));
    }
}
