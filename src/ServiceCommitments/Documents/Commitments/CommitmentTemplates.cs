using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Documents;

/// <summary>
/// Ready-made commitment documents shipped in the package, written from the commitments of Chinese after-sales bids:
/// <c>d2-1-3-fault-response</c>, <c>d2-4-5-onsite-by-region</c>, <c>d2-6-9-fault-levels</c>, <c>d3-warranty</c>,
/// <c>d4-inspections</c> and <c>terminal-after-sales</c> (all three together). Start from one, change what your
/// contract says differently, and load it with <see cref="CommitmentDocument"/>.
/// </summary>
/// <remarks>The class is thread-safe; each template's text is read once.</remarks>
public static class CommitmentTemplates
{
    private const string Prefix = "ServiceCommitments.Templates.";

    private static readonly Lazy<Dictionary<string, string>> Texts = new(LoadAll);

    /// <summary>The names of the shipped templates, in order.</summary>
    public static IReadOnlyList<string> Names => Texts.Value.Keys.Order(StringComparer.Ordinal).ToList().AsReadOnly();

    /// <summary>The JSON text of a template, to save and edit.</summary>
    /// <param name="name">A name of <see cref="Names"/>.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">There is no template of that name.</exception>
    public static string Text(string name)
    {
        Preconditions.CheckNotNull(name, nameof(name));
        if (!Texts.Value.TryGetValue(name, out string? text))
        {
            Preconditions.ThrowArgument(nameof(name), $"There is no template \"{ProblemSink.Cut(name)}\"; the templates are {string.Join(", ", Names)}.");
        }

        return text;
    }

    /// <summary>Loads a template as a commitment.</summary>
    /// <param name="name">A name of <see cref="Names"/>.</param>
    /// <param name="holidaySets">Where to look up the calendars' holiday set ids; null for <see cref="HolidaySetRegistry.Default"/>.</param>
    /// <returns>The commitment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">There is no template of that name.</exception>
    public static Commitment Load(string name, HolidaySetRegistry? holidaySets = null) =>
        CommitmentDocument.Parse(Text(name), holidaySets, name + ".json");

    private static Dictionary<string, string> LoadAll()
    {
        var assembly = typeof(CommitmentTemplates).Assembly;
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            texts.Add(resource[Prefix.Length..^".json".Length], reader.ReadToEnd());
        }

        return texts;
    }
}
