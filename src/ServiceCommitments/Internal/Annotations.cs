using System;

namespace ServiceCommitments.Internal;

/// <summary>
/// Marks a type whose instances never change after construction and may be shared between threads (NodaTime's habit).
/// A reflection test checks that every public type carries this attribute or <see cref="MutableAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, Inherited = false)]
internal sealed class ImmutableAttribute : Attribute
{
}

/// <summary>Marks a type whose instances change after construction (a builder); not to be shared between threads.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, Inherited = false)]
internal sealed class MutableAttribute : Attribute
{
}
