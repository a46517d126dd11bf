using System;
using System.Linq;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;
using ServiceCommitments.Testing;
using Xunit;

namespace ServiceCommitments.Tests.Design;

/// <summary>Habits from style.md checked over every public type, so a new type cannot forget them.</summary>
public sealed class PublicTypeTests
{
    /// <summary>The public types of both packages: the core and the conformance runner (ServiceCommitments.Testing).</summary>
    private static readonly Type[] PublicTypes =
        [.. typeof(BusinessCalendar).Assembly.GetExportedTypes(), .. typeof(ConformanceFile).Assembly.GetExportedTypes()];

    [Fact]
    public void PublicClasses_AreSealedOrStatic()
    {
        var open = PublicTypes.Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract).Select(t => t.FullName).ToList();
        Assert.True(open.Count == 0, "Public classes must be sealed or static: " + string.Join(", ", open));
    }

    /// <summary>NodaTime's habit: every public class and struct says, by an attribute, whether its instances can change.</summary>
    [Fact]
    public void PublicTypes_AreMarkedImmutableOrMutable()
    {
        static bool IsStatic(Type t) => t.IsAbstract && t.IsSealed;
        var types = PublicTypes.Where(t => (t.IsClass && !IsStatic(t)) || (t.IsValueType && !t.IsEnum) || t.IsInterface).ToList();
        Assert.NotEmpty(types);

        var unmarked = types.Where(t => !t.IsDefined(typeof(ImmutableAttribute), false) && !t.IsDefined(typeof(MutableAttribute), false)).Select(t => t.FullName);
        var both = types.Where(t => t.IsDefined(typeof(ImmutableAttribute), false) && t.IsDefined(typeof(MutableAttribute), false)).Select(t => t.FullName);

        Assert.True(!unmarked.Any(), "Mark these public types [Immutable] or [Mutable]: " + string.Join(", ", unmarked));
        Assert.True(!both.Any(), "These public types are marked both [Immutable] and [Mutable]: " + string.Join(", ", both));
    }

    /// <summary>An [Immutable] type has no settable property and no non-readonly instance field.</summary>
    [Fact]
    public void ImmutableTypes_HaveNoSettersOrWritableFields()
    {
        const System.Reflection.BindingFlags Instance = System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic;
        var offenders = PublicTypes
            .Where(t => t.IsDefined(typeof(ImmutableAttribute), false) && !typeof(Exception).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(Instance)
                    .Where(p => p.SetMethod is { IsPublic: true } setter && !setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit"))
                    .Select(p => $"{t.Name}.{p.Name} (setter)")
                .Concat(t.GetFields(Instance).Where(f => !f.IsInitOnly && !f.IsLiteral).Select(f => $"{t.Name}.{f.Name} (field)")))
            .ToList();

        Assert.True(offenders.Count == 0, "[Immutable] types must not change after construction: " + string.Join(", ", offenders));
    }

    [Fact]
    public void XmlDocs_DoNotCiteNotesUsersNeverSee()
    {
        // "domain D1.1" and "design rule 9" point into the team's own notes; the docs say the thing itself.
        var citing = new[] { typeof(BusinessCalendar).Assembly, typeof(ConformanceFile).Assembly }
            .SelectMany(a => System.Xml.Linq.XDocument.Load(System.IO.Path.ChangeExtension(a.Location, ".xml")).Descendants("member"))
            .Where(m => System.Text.RegularExpressions.Regex.IsMatch(m.Value, @"domain D\d|design rule", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            .Select(m => (string)m.Attribute("name")!)
            .ToList();
        Assert.True(citing.Count == 0, "These docs cite internal notes: " + string.Join(", ", citing));
    }
}
