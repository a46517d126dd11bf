using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Xunit;

namespace ServiceCommitments.Tests.Design;

/// <summary>
/// Issue 9, item 6: <c>dotnet pack</c> makes a .nupkg and a .snupkg whose README, licence, icon, repository link, XML
/// docs and symbols are complete. Issue 14: the conformance runner is a package of its own, ServiceCommitments.Testing,
/// and the core holds none of it. Both packages are packed once, from the sources of this checkout, into a temporary folder.
/// </summary>
public sealed class PackageTests : IClassFixture<PackageTests.Packed>
{
    /// <summary>The embedded-source custom debug information of a portable PDB.</summary>
    private static readonly Guid EmbeddedSource = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    /// <summary>The SourceLink custom debug information of a portable PDB.</summary>
    private static readonly Guid SourceLink = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    private static readonly string[] Frameworks = ["net8.0", "net10.0"];

    private readonly Packed packed;

    public PackageTests(Packed packed) => this.packed = packed;

    [Fact]
    public void Package_HoldsTheReadmeLicenceIconAndEachFrameworksAssemblyWithItsDocs()
    {
        var names = packed.Package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        foreach (string file in new[] { "README.md", "LICENSE", "icon.png" })
        {
            Assert.Contains(file, names);
        }

        foreach (string framework in Frameworks)
        {
            Assert.Contains($"lib/{framework}/ServiceCommitments.dll", names);
            Assert.Contains($"lib/{framework}/ServiceCommitments.xml", names);
        }

        // The README is the repository's, the icon a real PNG of a sensible size.
        Assert.Equal(File.ReadAllText(Path.Combine(packed.Root, "README.md")), Text(packed.Package, "README.md"));
        byte[] icon = Bytes(packed.Package, "icon.png");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, icon.Take(8));
        Assert.InRange(icon.Length, 100, 1024 * 1024);
    }

    [Fact]
    public void Nuspec_NamesTheLicenceReadmeIconRepositoryAndOnlyTheAllowedDependencies()
    {
        var nuspec = XDocument.Parse(Text(packed.Package, "ServiceCommitments.nuspec"));
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        string Value(string name) => metadata.Element(ns + name)?.Value ?? throw new Xunit.Sdk.XunitException($"the nuspec has no <{name}>");

        Assert.Equal("ServiceCommitments", Value("id"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("expression", metadata.Element(ns + "license")!.Attribute("type")!.Value);
        Assert.Equal("README.md", Value("readme"));
        Assert.Equal("icon.png", Value("icon"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.False(string.IsNullOrWhiteSpace(Value("authors")));
        Assert.StartsWith("https://", Value("projectUrl"), StringComparison.Ordinal);

        var repository = metadata.Element(ns + "repository")!;
        Assert.Equal("git", repository.Attribute("type")!.Value);
        Assert.StartsWith("https://", repository.Attribute("url")!.Value, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")!.Value);

        // The dependencies a user takes on: NodaTime, the DI abstractions and Ical.Net, for each framework.
        var groups = metadata.Element(ns + "dependencies")!.Elements(ns + "group").ToList();
        Assert.Equal(Frameworks.Order(StringComparer.Ordinal), groups.Select(g => g.Attribute("targetFramework")!.Value).Order(StringComparer.Ordinal));
        foreach (var group in groups)
        {
            Assert.Equal(
                ["Ical.Net", "Microsoft.Extensions.DependencyInjection.Abstractions", "NodaTime"],
                group.Elements(ns + "dependency").Select(d => d.Attribute("id")!.Value).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void XmlDocs_DocumentEveryPublicType()
    {
        foreach (string framework in Frameworks)
        {
            var documented = XDocument.Parse(Text(packed.Package, $"lib/{framework}/ServiceCommitments.xml"))
                .Descendants("member").Select(m => m.Attribute("name")!.Value).ToHashSet(StringComparer.Ordinal);
            var types = typeof(Commitment).Assembly.GetExportedTypes().Select(t => "T:" + t.FullName!.Replace('+', '.')).ToList();
            Assert.NotEmpty(types);
            var undocumented = types.Where(t => !documented.Contains(t)).ToList();
            Assert.True(undocumented.Count == 0, $"{framework}: no XML docs for {string.Join(", ", undocumented)}");
        }
    }

    [Fact]
    public void Symbols_AreEachAssemblysPortablePdb_WithEverySourceEmbedded_AndSourceLinkWhereTheOriginIsKnown()
    {
        var names = packed.Symbols.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        foreach (string framework in Frameworks)
        {
            Assert.Contains($"lib/{framework}/ServiceCommitments.pdb", names);

            // The PDB is the one the assembly points to.
            using var dll = new PEReader(new MemoryStream(Bytes(packed.Package, $"lib/{framework}/ServiceCommitments.dll")));
            var codeView = dll.ReadCodeViewDebugDirectoryData(dll.ReadDebugDirectory().Single(d => d.Type == DebugDirectoryEntryType.CodeView));
            using var provider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(Bytes(packed.Symbols, $"lib/{framework}/ServiceCommitments.pdb")));
            var pdb = provider.GetMetadataReader();
            Assert.Equal(codeView.Guid, new BlobContentId(pdb.DebugMetadataHeader!.Id).Guid);

            // Every C# source is embedded, so stepping into the library works offline and from any fork.
            var sources = pdb.Documents.Select(d => (Handle: d, Name: pdb.GetString(pdb.GetDocument(d).Name)))
                .Where(d => d.Name.EndsWith(".cs", StringComparison.Ordinal) && !d.Name.Contains("/obj/", StringComparison.Ordinal) && !d.Name.Contains("\\obj\\", StringComparison.Ordinal))
                .ToList();
            Assert.Contains(sources, s => s.Name.EndsWith("Commitment.cs", StringComparison.Ordinal));
            var embedded = pdb.CustomDebugInformation.Select(pdb.GetCustomDebugInformation)
                .Where(c => pdb.GetGuid(c.Kind) == EmbeddedSource && c.Parent.Kind == HandleKind.Document)
                .Select(c => (DocumentHandle)c.Parent).ToHashSet();
            var notEmbedded = sources.Where(s => !embedded.Contains(s.Handle)).Select(s => s.Name).ToList();
            Assert.True(notEmbedded.Count == 0, $"{framework}: sources not embedded: {string.Join(", ", notEmbedded)}");

            // SourceLink maps the sources to the repository when the clone's origin is a host SourceLink knows.
            if (packed.Origin.Contains("github.com", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Contains(pdb.CustomDebugInformation.Select(pdb.GetCustomDebugInformation), c => pdb.GetGuid(c.Kind) == SourceLink);
            }
        }
    }

    /// <summary>Issue 14: the conformance runner is its own package; the core ships none of it.</summary>
    [Fact]
    public void CorePackage_HoldsNoConformanceRunnerType()
    {
        foreach (string framework in Frameworks)
        {
            var types = DefinedTypes(Bytes(packed.Package, $"lib/{framework}/ServiceCommitments.dll"));
            Assert.NotEmpty(types);
            var runner = types.Where(t => t.Name.StartsWith("Conformance", StringComparison.Ordinal) || t.Namespace == "ServiceCommitments.Testing").Select(t => t.Namespace + "." + t.Name).ToList();
            Assert.True(runner.Count == 0, $"{framework}: the core package holds runner types: {string.Join(", ", runner)}");
        }
    }

    [Fact]
    public void TestingPackage_HoldsItsReadmeLicenceIconAndEachFrameworksAssemblyWithItsDocs_AndDependsOnTheCore()
    {
        var names = packed.TestingPackage.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        foreach (string file in new[] { "README.md", "LICENSE", "icon.png" })
        {
            Assert.Contains(file, names);
        }

        Assert.Equal(File.ReadAllText(Path.Combine(packed.Root, "src", "ServiceCommitments.Testing", "README.md")), Text(packed.TestingPackage, "README.md"));
        var exported = typeof(ServiceCommitments.Testing.ConformanceFile).Assembly.GetExportedTypes().Select(t => "T:" + t.FullName!.Replace('+', '.')).ToList();
        foreach (string framework in Frameworks)
        {
            Assert.Contains($"lib/{framework}/ServiceCommitments.Testing.dll", names);
            var documented = XDocument.Parse(Text(packed.TestingPackage, $"lib/{framework}/ServiceCommitments.Testing.xml"))
                .Descendants("member").Select(m => m.Attribute("name")!.Value).ToHashSet(StringComparer.Ordinal);
            Assert.Contains("T:ServiceCommitments.Testing.ConformanceFile", exported);
            var undocumented = exported.Where(t => !documented.Contains(t)).ToList();
            Assert.True(undocumented.Count == 0, $"{framework}: no XML docs for {string.Join(", ", undocumented)}");
            Assert.Contains($"lib/{framework}/ServiceCommitments.Testing.pdb", packed.TestingSymbols.Entries.Select(e => e.FullName));
        }

        var nuspec = XDocument.Parse(Text(packed.TestingPackage, "ServiceCommitments.Testing.nuspec"));
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal("ServiceCommitments.Testing", metadata.Element(ns + "id")!.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        Assert.Equal("icon.png", metadata.Element(ns + "icon")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value));
        string version = metadata.Element(ns + "version")!.Value;

        // The runner depends on the core package of its own version (and NodaTime), for each framework.
        var groups = metadata.Element(ns + "dependencies")!.Elements(ns + "group").ToList();
        Assert.Equal(Frameworks.Order(StringComparer.Ordinal), groups.Select(g => g.Attribute("targetFramework")!.Value).Order(StringComparer.Ordinal));
        foreach (var group in groups)
        {
            var dependencies = group.Elements(ns + "dependency").ToDictionary(d => d.Attribute("id")!.Value, d => d.Attribute("version")!.Value, StringComparer.Ordinal);
            Assert.Equal(["NodaTime", "ServiceCommitments"], dependencies.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(version, dependencies["ServiceCommitments"]);
        }
    }

    private static List<(string Namespace, string Name)> DefinedTypes(byte[] assembly)
    {
        using var pe = new PEReader(new MemoryStream(assembly));
        var metadata = pe.GetMetadataReader();
        return metadata.TypeDefinitions.Select(metadata.GetTypeDefinition)
            .Select(t => (metadata.GetString(t.Namespace), metadata.GetString(t.Name)))
            .ToList();
    }

    private static byte[] Bytes(ZipArchive archive, string name)
    {
        var entry = archive.GetEntry(name) ?? throw new Xunit.Sdk.XunitException($"the package has no {name}");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Text(ZipArchive archive, string name)
    {
        using var reader = new StreamReader(new MemoryStream(Bytes(archive, name)));
        return reader.ReadToEnd();
    }

    /// <summary>The package and its symbols, packed once for the class.</summary>
    public sealed class Packed : IDisposable
    {
        private readonly string folder = Path.Combine(Path.GetTempPath(), "sc-pack-" + Guid.NewGuid().ToString("N"));

        public Packed()
        {
            Root = FindRoot();
            Package = ZipFile.OpenRead(Pack("ServiceCommitments", out var symbols));
            Symbols = ZipFile.OpenRead(symbols);
            TestingPackage = ZipFile.OpenRead(Pack("ServiceCommitments.Testing", out var testingSymbols));
            TestingSymbols = ZipFile.OpenRead(testingSymbols);
            Origin = Run("git", ["remote", "get-url", "origin"], Root).Output.Trim();
        }

        public string Root { get; }

        public ZipArchive Package { get; }

        public ZipArchive Symbols { get; }

        /// <summary>The conformance runner's package, ServiceCommitments.Testing.</summary>
        public ZipArchive TestingPackage { get; }

        public ZipArchive TestingSymbols { get; }

        /// <summary>The clone's origin URL, or git's complaint that it has none.</summary>
        public string Origin { get; }

        public void Dispose()
        {
            Package.Dispose();
            Symbols.Dispose();
            TestingPackage.Dispose();
            TestingSymbols.Dispose();
            Directory.Delete(folder, recursive: true);
        }

        /// <summary>Packs one project of src/ into its own subfolder; returns the .nupkg and, in <paramref name="symbols"/>, the .snupkg.</summary>
        private string Pack(string project, out string symbols)
        {
            string output = Path.Combine(folder, project);
            Directory.CreateDirectory(output);
            var (code, log) = Run("dotnet", ["pack", Path.Combine(Root, "src", project, project + ".csproj"), "-c", "Release", "-o", output, "--nologo"], Root);
            if (code != 0)
            {
                throw new InvalidOperationException($"dotnet pack {project} failed ({code}):\n{log}");
            }

            symbols = Single(output, "*.snupkg");
            return Single(output, "*.nupkg");
        }

        private static string Single(string folder, string pattern)
        {
            var files = Directory.GetFiles(folder, pattern);
            return files.Length == 1 ? files[0] : throw new InvalidOperationException($"expected one {pattern} in {folder}, found {files.Length}");
        }

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ServiceCommitments.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("ServiceCommitments.sln not found above " + AppContext.BaseDirectory);
        }

        private static (int Code, string Output) Run(string file, IEnumerable<string> arguments, string directory)
        {
            var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output + error.Result);
        }
    }
}
