using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using ServiceCommitments.Documents;
using ServiceCommitments.Faults;

namespace ServiceCommitments.Benchmarks;

/// <summary>
/// Loading large documents (issue 14: a policy of 4,000 rows took more than 20 s, its rows compared pair by pair):
/// a policy document of <see cref="LargePolicyRows"/> target rows, and a commitment document of about a megabyte.
/// </summary>
/// <remarks>
/// The policy: four milestones × four levels × 625 regions, every row an elapsed target with one region, so that no two
/// rows could apply to one ticket. The commitment: 150 calendars with 100 closures each, a policy of 2,000 such rows, a
/// warranty with a return window and a term, and named schedules up to 1,000,000 characters in all. The build of
/// BenchmarkDotNet's boilerplate takes more than its two minutes here, so the class is run in process with a short job:
/// <c>dotnet run -c Release --project src/ServiceCommitments.Benchmarks -- --filter '*DocumentBenchmarks*' --inProcess --warmupCount 2 --iterationCount 5</c>.
/// </remarks>
[MemoryDiagnoser]
public class DocumentBenchmarks
{
    /// <summary>The rows of the large policy document.</summary>
    public const int LargePolicyRows = 10_000;

    private string largePolicy = null!;
    private string oneMegabyte = null!;

    [GlobalSetup]
    public void Setup()
    {
        largePolicy = "{ \"policy\": { \"targets\": [\n" + Rows(LargePolicyRows) + "\n] } }";

        var text = new StringBuilder("{ \"name\": \"One megabyte\", \"calendars\": {\n");
        for (int c = 0; c < 150; c++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  \"c{c}\": {{ \"zone\": \"Asia/Shanghai\", \"weekly\": \"5x8\", \"closures\": [");
            for (int d = 0; d < 100; d++)
            {
                text.Append(d == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"\"{2024 + (d / 28)}-{1 + (d % 12):00}-{1 + (d % 28):00}\"");
            }

            text.Append("] },\n");
        }

        text.Append("  \"always\": { \"zone\": \"Asia/Shanghai\", \"weekly\": \"24x7\" }\n},\n");
        text.Append("\"policy\": { \"calendar\": \"always\", \"targets\": [\n").Append(Rows(2_000)).Append("\n] },\n");
        text.Append("""
            "warranty": { "zone": "Asia/Shanghai",
              "returnWithoutReason": { "period": "P7D", "from": "received" },
              "terms": [ { "id": "whole", "covers": ["m"], "period": "P3Y", "from": "acceptance" } ] },
            "schedules": {
            """);
        for (int s = 0; ; s++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  \"s{s}\": {{ \"anchor\": \"acceptance\", \"every\": \"P{1 + (s % 6)}M\", \"until\": \"P{12 + (s % 24)}M\", \"align\": {{ \"calendar\": \"c{s % 150}\", \"move\": \"nextWorkingDay\" }} }}");
            if (text.Length >= 1_000_000)
            {
                break;
            }

            text.Append(",\n");
        }

        oneMegabyte = text.Append("\n} }").ToString();
    }

    /// <summary>A policy document of <see cref="LargePolicyRows"/> rows, read and built.</summary>
    [Benchmark]
    public ServicePolicy LoadLargePolicy() => PolicyDocument.Parse(largePolicy);

    /// <summary>A commitment document of about a megabyte: calendars, a policy, a warranty and schedules.</summary>
    [Benchmark]
    public Commitment LoadOneMegabyte() => CommitmentDocument.Parse(oneMegabyte);

    private static string Rows(int count)
    {
        string[] milestones = ["firstResponse", "onSite", "restored", "resolved"];
        var rows = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            rows.Append(i == 0 ? "" : ",\n").Append(CultureInfo.InvariantCulture, $"  {{ \"milestone\": \"{milestones[i % 4]}\", \"levels\": [{1 + (i / 4 % 4)}], \"where\": {{ \"region\": \"R{i / 16}\" }}, \"elapsed\": \"PT{1 + (i % 7)}H\" }}");
        }

        return rows.ToString();
    }
}
