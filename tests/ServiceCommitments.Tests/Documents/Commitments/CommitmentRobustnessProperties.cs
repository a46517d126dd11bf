using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServiceCommitments.Documents;
using Xunit;

namespace ServiceCommitments.Tests.Documents.Commitments;

/// <summary>
/// Issue 9, item 7: commitment documents come from users and other systems, so whatever the text, loading it either
/// succeeds or throws <see cref="DocumentException"/> whose every error names a JSON path: never another exception, a
/// hang or a stack overflow. The documents are the shipped templates and conformance subjects, mutated
/// (<see cref="DocumentMutations"/>): truncated, wrong types, huge numbers, unknown zones, cycles between milestones,
/// calendars with no working time, names and items given twice, deep nesting.
/// </summary>
public sealed class CommitmentRobustnessProperties
{
    /// <summary>Documents fed to the loader in every run.</summary>
    private const int Documents = 100_000;

    /// <summary>The longest one document may take to load before the property fails: a near-hang.</summary>
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(5);

    /// <summary>The longest one document may take before the test process is stopped with it: a hang never ends on its own.</summary>
    private static readonly TimeSpan Hung = TimeSpan.FromSeconds(120);

    [Property(MaxTest = Documents)]
    public Property CommitmentDocument_LoadsOrThrowsDocumentException() =>
        Prop.ForAll(DocumentMutations.From(CommitmentSeeds.All).ToArbitrary(), json => LoadsInTime(json));

    /// <summary>
    /// The case a full run on main failed with: a mutation that writes the warning share 0.999999999999999999999999995,
    /// which is 1 as a double, and <see cref="Faults.TargetWarning.AtShare"/> threw out of the reader.
    /// </summary>
    [Property(Replay = "(15044022702089104761,6316903576650723789,77)", MaxTest = 1)]
    public Property CommitmentDocument_LoadsOrThrowsDocumentException_ReplayOfAShareThatIsOneAsADouble() =>
        Prop.ForAll(DocumentMutations.From(CommitmentSeeds.All).ToArbitrary(), json => LoadsInTime(json));

    /// <summary>The schema is complete: a document the library loads validates against it (a mutation never turns a document the library reads into one the schema rejects).</summary>
    [Property(MaxTest = 3_000)]
    public Property DocumentsTheLibraryLoads_ValidateAgainstTheSchema() =>
        Prop.ForAll(DocumentMutations.From(CommitmentSeeds.All).ToArbitrary(), json =>
        {
            if (SchemaTests.Loads(json, out _) && !SchemaTests.Validates(json, out string errors))
            {
                throw new Xunit.Sdk.XunitException($"The library loads a document the schema rejects:\n{errors}\n{json}");
            }

            return true;
        });

    [Fact]
    public void Seeds_AreTheTemplatesAndConformanceSubjects_AndLoad()
    {
        var seeds = CommitmentSeeds.All;
        Assert.Equal(CommitmentTemplates.Names.Count + CommitmentSeeds.ConformanceFiles().Count(), seeds.Count);
        int loaded = seeds.Count(s => SchemaTests.Loads(s, out _));
        int meantToFail = CommitmentSeeds.ConformanceFiles().Count(f => System.IO.Path.GetFileName(f).StartsWith("policy-invalid-", StringComparison.Ordinal));
        Assert.Equal(seeds.Count - meantToFail, loaded);
    }

    private static bool LoadsInTime(string json)
    {
        var watch = Stopwatch.StartNew();
        using (new Timer(_ => Environment.FailFast($"Loading a commitment document hung for {Hung.TotalSeconds} s:\n{Shorten(json)}"), null, Hung, Timeout.InfiniteTimeSpan))
        {
            DocumentRobustnessProperties.LoadsOrFailsCleanly(json, () => CommitmentDocument.Parse(json));
        }

        if (watch.Elapsed > Slow)
        {
            throw new Xunit.Sdk.XunitException($"Loading took {watch.Elapsed.TotalSeconds:0.0} s (more than {Slow.TotalSeconds} s) for:\n{Shorten(json)}");
        }

        return true;
    }

    private static string Shorten(string json) => json.Length <= 2000 ? json : json[..2000] + "...";
}
