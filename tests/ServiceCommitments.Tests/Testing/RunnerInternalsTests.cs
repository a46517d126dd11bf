using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using ServiceCommitments.Calendars;
using ServiceCommitments.Testing;
using Xunit;

namespace ServiceCommitments.Tests.Testing;

/// <summary>
/// The conformance runner reads documents with the core's parser internals, through InternalsVisibleTo: a documented
/// exception until the declaration engine makes that reading public API. This test pins the internals it uses, so the
/// list only shrinks by a deliberate change and never grows unnoticed.
/// </summary>
public sealed class RunnerInternalsTests
{
    private static readonly string[] Allowed =
    [
        // The parser core: the tree, the context that records every problem with its path, the object reader.
        "ServiceCommitments.Documents.DocNode",
        "ServiceCommitments.Documents.DocProperty",
        "ServiceCommitments.Documents.DocumentContext",
        "ServiceCommitments.Documents.DocumentParser",
        "ServiceCommitments.Documents.ObjectReader",
        "ServiceCommitments.Internal.ProblemSink",

        // Each kind's subject and inputs, read as the documents read them.
        "ServiceCommitments.Documents.AssetClaimReader",
        "ServiceCommitments.Documents.CalendarReader",
        "ServiceCommitments.Documents.NamedCalendarsReader",
        "ServiceCommitments.Documents.PolicyReader",
        "ServiceCommitments.Documents.ScheduleReader",
        "ServiceCommitments.Documents.TicketReader",
        "ServiceCommitments.Documents.TicketReader.TicketSpec",
        "ServiceCommitments.Documents.WarrantyReader",

        // The documents' formats, so that reports read as the files are written (enum names follow the documents'
        // rule, an enum member's name with a lower-case first letter, which ExpectTests pins word by word).
        "ServiceCommitments.Documents.IsoText",

        // A compliance case's default zone: the policy's default calendar, which the public API names but does not give.
        "ServiceCommitments.Faults.ServicePolicy.get_DefaultCalendarValue",

        // The public types' [Immutable] mark, which the reflection test of style.md checks in both packages.
        "ServiceCommitments.Internal.ImmutableAttribute",
    ];

    [Fact]
    public void Runner_UsesOnlyTheListedInternalsOfTheCore()
    {
        var used = CoreInternalsUsedBy(typeof(ConformanceFile).Assembly, typeof(BusinessCalendar).Assembly);
        Assert.True(
            used.SequenceEqual(Allowed.Order(StringComparer.Ordinal)),
            "The runner's use of core internals changed. Now used:\n" + string.Join("\n", used.Select(u => $"        \"{u}\",")) +
            "\nNewly used: " + string.Join(", ", used.Except(Allowed)) + "\nNo longer used: " + string.Join(", ", Allowed.Except(used)));
    }

    /// <summary>The core's non-public types the runner names, and the non-public members of public core types it calls, sorted.</summary>
    private static List<string> CoreInternalsUsedBy(Assembly runner, Assembly core)
    {
        using var pe = new PEReader(File.OpenRead(runner.Location));
        var metadata = pe.GetMetadataReader();
        string coreName = core.GetName().Name!;
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var types = new Dictionary<TypeReferenceHandle, Type?>();

        Type? Resolve(TypeReferenceHandle handle)
        {
            if (types.TryGetValue(handle, out var known))
            {
                return known;
            }

            var reference = metadata.GetTypeReference(handle);
            string name = metadata.GetString(reference.Name);
            Type? type = null;
            if (reference.ResolutionScope.Kind == HandleKind.AssemblyReference &&
                metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)reference.ResolutionScope).Name) == coreName)
            {
                string ns = metadata.GetString(reference.Namespace);
                type = core.GetType(ns.Length == 0 ? name : ns + "." + name, throwOnError: true);
            }
            else if (reference.ResolutionScope.Kind == HandleKind.TypeReference && Resolve((TypeReferenceHandle)reference.ResolutionScope) is { } outer)
            {
                type = outer.GetNestedType(name, BindingFlags.Public | BindingFlags.NonPublic);
            }

            types[handle] = type;
            if (type is not null && !type.IsVisible)
            {
                found.Add(type.FullName!.Replace('+', '.'));
            }

            return type;
        }

        foreach (var handle in metadata.TypeReferences)
        {
            Resolve(handle);
        }

        const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static;
        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            if (member.Parent.Kind == HandleKind.TypeReference && Resolve((TypeReferenceHandle)member.Parent) is { IsVisible: true } type)
            {
                string name = metadata.GetString(member.Name);
                bool isPublic = name == ".ctor" ? type.GetConstructors().Length > 0 : type.GetMember(name, Public).Length > 0;
                if (!isPublic)
                {
                    found.Add($"{type.FullName!.Replace('+', '.')}.{name}");
                }
            }
        }

        return [.. found];
    }
}
