using System;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Warranty;

/// <summary>
/// A class of component a warranty term covers: <see cref="Hardware"/>, <see cref="Software"/>,
/// <see cref="WholeDelivery"/>, or any name of the user's own (<c>battery</c>, <c>vehicle</c>). Names are
/// case-sensitive.
/// </summary>
/// <remarks>
/// A term that covers <see cref="WholeDelivery"/> covers every asset, whatever its component. The default value has an
/// empty name and is rejected wherever a component is needed. Instances are immutable values.
/// </remarks>
[Immutable]
public readonly struct ComponentClass : IEquatable<ComponentClass>
{
    private readonly string? name;

    private ComponentClass(string name) => this.name = name;

    /// <summary>Terminal and other hardware (硬件).</summary>
    public static ComponentClass Hardware { get; } = new("hardware");

    /// <summary>Software, such as a back-end platform (软件).</summary>
    public static ComponentClass Software { get; } = new("software");

    /// <summary>The whole delivery (整体): a term covering it covers every asset.</summary>
    public static ComponentClass WholeDelivery { get; } = new("wholeDelivery");

    /// <summary>The class's name, for example <c>hardware</c>; empty for the default value.</summary>
    public string Name => name ?? "";

    /// <summary>A component class of any name.</summary>
    /// <param name="name">The name; not empty, without leading or trailing white space.</param>
    /// <returns>The component class.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or has leading or trailing white space.</exception>
    public static ComponentClass Of(string name)
    {
        Preconditions.CheckNotNull(name, nameof(name));
        if (!IsValidName(name))
        {
            Preconditions.ThrowArgument(nameof(name), $"\"{ProblemSink.Cut(name)}\" is not a component class name: a name is not empty and has no leading or trailing white space.");
        }

        return new ComponentClass(name);
    }

    internal static bool IsValidName(string name) => name.Length > 0 && name.Trim().Length == name.Length;

    internal static ComponentClass Unchecked(string name) => new(name);

    /// <summary>Returns the name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;

    /// <inheritdoc/>
    public bool Equals(ComponentClass other) => string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ComponentClass other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <summary>Whether two component classes have the same name.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(ComponentClass left, ComponentClass right) => left.Equals(right);

    /// <summary>Whether two component classes differ.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(ComponentClass left, ComponentClass right) => !left.Equals(right);
}
