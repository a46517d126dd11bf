using System.Collections.Generic;

namespace ServiceCommitments.Internal;

/// <summary>
/// Where an object and its properties came from: named fields for C# callers, document paths and lines for documents.
/// The one way provenance travels from a document into the domain: a document kind's declaration
/// (<c>Shape</c>) records it for every object it reads, and the domain's checks report at <see cref="Get"/>.
/// </summary>
internal readonly struct FieldMap
{
    // A few entries per object: an array searched in order is smaller than a dictionary, and as fast at this size.
    private readonly KeyValuePair<string, FieldRef>[]? fields;

    internal FieldMap(FieldRef origin, IEnumerable<KeyValuePair<string, FieldRef>>? fields = null)
    {
        Origin = origin;
        if (fields is ICollection<KeyValuePair<string, FieldRef>> collection)
        {
            this.fields = new KeyValuePair<string, FieldRef>[collection.Count];
            collection.CopyTo(this.fields, 0);
        }
        else
        {
            this.fields = fields is null ? null : [.. fields];
        }
    }

    internal FieldRef Origin { get; }

    /// <summary>Where property <paramref name="name"/> came from; for <c>a.b</c> not recorded, where <c>a</c> came from; else <see cref="Origin"/>.</summary>
    internal FieldRef Get(string name)
    {
        while (true)
        {
            if (fields is not null)
            {
                foreach (var (key, field) in fields)
                {
                    if (key == name)
                    {
                        return field;
                    }
                }
            }

            int dot = name.LastIndexOf('.');
            if (dot < 0)
            {
                return Origin;
            }

            name = name[..dot];
        }
    }

    /// <summary>Whether property <paramref name="name"/> was given (recorded), whether or not its value could be read.</summary>
    internal bool Has(string name) => fields is not null && System.Array.Exists(fields, f => f.Key == name);

    /// <summary>This map with property <paramref name="name"/> recorded at <paramref name="field"/>.</summary>
    internal FieldMap With(string name, FieldRef field)
    {
        var copy = fields is null ? new Dictionary<string, FieldRef>(System.StringComparer.Ordinal) : new Dictionary<string, FieldRef>(fields, System.StringComparer.Ordinal);
        copy[name] = field;
        return new FieldMap(Origin, copy);
    }

    /// <summary>A map for C# callers: the object's name, and the name of each property a message may point at.</summary>
    internal static FieldMap Named(string origin, params (string Property, string Name)[] names)
    {
        var fields = new Dictionary<string, FieldRef>(System.StringComparer.Ordinal);
        foreach (var (property, name) in names)
        {
            fields[property] = FieldRef.Named(name);
        }

        return new FieldMap(FieldRef.Named(origin), fields);
    }
}
