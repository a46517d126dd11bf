using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ServiceCommitments.Tests.Calendars.Notices;

/// <summary>The notice texts of ReferenceData/notices: written here from the published facts, in each year's style.</summary>
public static class NoticeTexts
{
    internal const int FirstYear = 2008;
    internal const int LastYear = 2026;

    internal static readonly int[] SupplementYears = [2015, 2019, 2020];

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "ReferenceData", "notices");

    internal static string Yearly(int year) => File.ReadAllText(Path.Combine(Folder, $"{year}.txt"));

    internal static string Supplement(int year) => File.ReadAllText(Path.Combine(Folder, $"{year}-supplement.txt"));

    internal static IEnumerable<string> AllYearly() => Enumerable.Range(FirstYear, LastYear - FirstYear + 1).Select(Yearly);

    internal static IEnumerable<string> AllSupplements() => SupplementYears.Select(Supplement);

    public static IEnumerable<object[]> Years() => Enumerable.Range(FirstYear, LastYear - FirstYear + 1).Select(y => new object[] { y });
}
