using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using ServiceCommitments.Internal;
using ServiceCommitments.Warranty;

namespace ServiceCommitments.Documents;

/// <summary>
/// The statutory rule sets shipped with the library, each a warranty document in which every number is a parameter
/// (docs/warranty.md, "Statutory rule sets", gives each number's source article): <c>cn-sanbao-1995</c> (the 1995
/// rules for repair, exchange and return of listed goods), <c>cn-consumer-returns</c> (Consumer Rights Protection Law,
/// arts. 24-25), <c>cn-household-car-2021</c> (SAMR order no. 43) and <c>eu-2019-771</c> (Directive (EU) 2019/771).
/// </summary>
/// <remarks>
/// Start from one and change what a contract says: <c>WarrantyRuleSets.Load("cn-sanbao-1995").ToBuilder()</c>, or
/// copy <see cref="GetDocument"/> and edit the JSON. The methods are thread-safe; a loaded policy is cached.
/// </remarks>
public static class WarrantyRuleSets
{
    private const string Prefix = "ServiceCommitments.Documents.Warranty.RuleSets.";

    private static readonly ConcurrentDictionary<string, WarrantyPolicy> Loaded = new(StringComparer.Ordinal);

    /// <summary>The ids of the shipped rule sets, in order.</summary>
    public static IReadOnlyList<string> Ids { get; } = Array.AsReadOnly(
        typeof(WarrantyRuleSets).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^".json".Length])
            .Order(StringComparer.Ordinal)
            .ToArray());

    /// <summary>The rule set <paramref name="id"/> as a policy.</summary>
    /// <param name="id">A rule set id, one of <see cref="Ids"/>.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException">No rule set has that id.</exception>
    public static WarrantyPolicy Load(string id) =>
        Loaded.GetOrAdd(CheckId(id), key => WarrantyDocument.Parse(GetDocument(key)));

    /// <summary>The JSON document of the rule set <paramref name="id"/>, to copy and edit.</summary>
    /// <param name="id">A rule set id, one of <see cref="Ids"/>.</param>
    /// <returns>The document's text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException">No rule set has that id.</exception>
    public static string GetDocument(string id)
    {
        CheckId(id);
        using var stream = typeof(WarrantyRuleSets).Assembly.GetManifestResourceStream(Prefix + id + ".json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    internal static bool Exists(string id) => Ids.Contains(id, StringComparer.Ordinal);

    /// <summary>
    /// The id of the rule set <paramref name="policy"/> is, when it is the very policy <see cref="Load"/> gave (policies
    /// are immutable, so that policy is the rule set unchanged); false for any other policy, however alike.
    /// </summary>
    internal static bool TryGetId(WarrantyPolicy policy, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? id)
    {
        foreach (var (key, loaded) in Loaded)
        {
            if (ReferenceEquals(loaded, policy))
            {
                id = key;
                return true;
            }
        }

        id = null;
        return false;
    }

    private static string CheckId(string id)
    {
        Preconditions.CheckNotNull(id, nameof(id));
        if (!Exists(id))
        {
            Preconditions.ThrowArgument(nameof(id), $"\"{ProblemSink.Cut(id)}\" is not a shipped warranty rule set; expected one of: {string.Join(", ", Ids)}.");
        }

        return id;
    }
}
