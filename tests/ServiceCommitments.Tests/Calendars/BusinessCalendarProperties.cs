using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.TestSupport;

namespace ServiceCommitments.Tests.Calendars;

/// <summary>
/// The laws of docs/calendars.md over random calendars (zone, weekly hours, holiday set, overrides) and random instants
/// in 2005-2025, with the walking implementation as the oracle.
/// </summary>
public sealed class BusinessCalendarProperties
{
    private const int Tests = 300;

    private static readonly string[] ZoneIds = ["Asia/Shanghai", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "UTC"];

    private const long TicksPerMinute = NodaConstants.TicksPerMinute;
    private const long Step = 5 * TicksPerMinute; // the grid of interval ends
    private const int StepsPerDay = 288;

    /// <summary>A generated calendar, kept as data so that a failing case prints how to rebuild it.</summary>
    public sealed record CalendarSpec(
        string ZoneId,
        (int Start, int End)[][] Weekly, // per day Monday..Sunday, in 5-minute steps, end may be 288 (24:00)
        bool ChinaMainland,
        bool UnknownYearsOrdinary,
        (int Start, int End)[]? AdjustedHours,
        (LocalDate Date, int Kind, (int Start, int End)[] Hours)[] Overrides) // Kind: 0 closure, 1 working day, 2 special hours
    {
        private BusinessCalendar? built;

        public BusinessCalendar Calendar => built ??= Build();

        private static WorkingInterval[] Intervals((int Start, int End)[] steps) =>
            steps.Select(s => WorkingInterval.FromTicks(s.Start * Step, s.End * Step)).ToArray();

        private BusinessCalendar Build()
        {
            var builder = new BusinessCalendarBuilder(DateTimeZoneProviders.Tzdb[ZoneId]);
            for (int d = 0; d < 7; d++)
            {
                builder.SetWeeklyHours((IsoDayOfWeek)(d + 1), Intervals(Weekly[d]));
            }

            if (ChinaMainland)
            {
                builder.AddHolidaySet(HolidaySets.ChinaMainland);
            }

            builder.TreatUnknownYearsAsOrdinary(UnknownYearsOrdinary);
            if (AdjustedHours is not null)
            {
                builder.SetAdjustedWorkingDayHours(Intervals(AdjustedHours));
            }

            foreach (var (date, kind, hours) in Overrides)
            {
                _ = kind switch
                {
                    0 => builder.AddClosure(date),
                    1 => builder.AddWorkingDay(date),
                    _ => builder.SetSpecialHours(date, Intervals(hours)),
                };
            }

            return builder.Build();
        }

        public override string ToString()
        {
            static string Hours((int Start, int End)[] h) =>
                "[" + string.Join(", ", h.Select(i => WorkingInterval.FromTicks(i.Start * Step, i.End * Step).ToString())) + "]";

            var sb = new StringBuilder($"{ZoneId}; ");
            for (int d = 0; d < 7; d++)
            {
                sb.Append((IsoDayOfWeek)(d + 1)).Append(' ').Append(Hours(Weekly[d])).Append("; ");
            }

            sb.Append(ChinaMainland ? "cn-mainland" : "no holidays").Append(UnknownYearsOrdinary ? " (ordinary)" : "");
            if (AdjustedHours is not null)
            {
                sb.Append("; adjusted ").Append(Hours(AdjustedHours));
            }

            foreach (var (date, kind, hours) in Overrides)
            {
                sb.Append("; ").Append(date.ToString("uuuu-MM-dd", null)).Append(kind switch { 0 => " closed", 1 => " working", _ => " " + Hours(hours) });
            }

            return sb.ToString();
        }
    }

    public sealed record Case(CalendarSpec Spec, Instant Start, Instant Other, Duration A, Duration B, int Days)
    {
        public BusinessCalendar Calendar => Spec.Calendar;

        public override string ToString() =>
            $"{Spec}{Environment.NewLine}start {Start} ({Start.InZone(Calendar.Zone)}), other {Other}, a {A}, b {B}, days {Days}";
    }

    // Generators

    /// <summary>1-4 ordered, non-overlapping intervals in 5-minute steps (adjacent allowed; the last may end at 24:00).</summary>
    private static Gen<(int Start, int End)[]> DayHours(int minCount) =>
        from count in Gen.Choose(minCount, 4)
        from gaps in Gen.Choose(0, 90).ArrayOf(count)
        from lengths in Gen.Choose(1, 120).ArrayOf(count)
        from zeroGap in Gen.Elements(true, false, false)
        select Layout(gaps, lengths, zeroGap);

    private static (int Start, int End)[] Layout(int[] gaps, int[] lengths, bool zeroGap)
    {
        var result = new List<(int, int)>();
        int cursor = 0;
        for (int i = 0; i < gaps.Length; i++)
        {
            int start = cursor + (zeroGap && i > 0 ? 0 : gaps[i]);
            if (start >= StepsPerDay)
            {
                break;
            }

            int end = Math.Min(StepsPerDay, start + lengths[i]);
            result.Add((start, end));
            cursor = end;
        }

        return result.ToArray();
    }

    private static readonly Gen<(int Start, int End)[][]> Week =
        (from days in Gen.Frequency(
                (3, DayHours(1)),
                (2, Gen.Constant(Array.Empty<(int, int)>())),
                (1, Gen.Constant(new[] { (0, StepsPerDay) })))
            .ArrayOf(7)
         select days)
        .Where(days => days.Sum(d => d.Sum(i => i.Item2 - i.Item1)) >= 48); // at least 4 working hours a week

    private static Gen<Instant> Instants =>
        Gen.Frequency((5, UniformInstants), (2, NearTransitions));

    /// <summary>Instants within two days of a DST transition of one of the zones, so that the laws meet gaps and overlaps.</summary>
    private static readonly Gen<Instant> NearTransitions =
        from zoneId in Gen.Elements("America/New_York", "Europe/Berlin", "Australia/Lord_Howe")
        from year in Gen.Choose(2005, 2025)
        from which in Gen.Choose(0, 1)
        from offset in Gen.Choose(-2 * StepsPerDay, 2 * StepsPerDay)
        select Transition(zoneId, year, which) + Duration.FromTicks(offset * Step);

    private static Instant Transition(string zoneId, int year, int which)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var starts = zone.GetZoneIntervals(Instant.FromUtc(year, 1, 1, 0, 0), Instant.FromUtc(year + 1, 1, 1, 0, 0))
            .Skip(1)
            .Select(i => i.Start)
            .ToArray();
        return starts[Math.Min(which, starts.Length - 1)];
    }

    private static readonly Gen<Instant> UniformInstants =
        from day in Gen.Choose(0, (int)(new LocalDate(2025, 12, 31) - new LocalDate(2005, 1, 1)).Days)
        from precision in Gen.Frequency((4, Gen.Constant(0)), (3, Gen.Constant(1)), (1, Gen.Constant(2)))
        from step in Gen.Choose(0, StepsPerDay - 1)
        from second in Gen.Choose(0, 86_399)
        from tick in Gen.Choose(0, 9_999_999)
        select Instant.FromUtc(2005, 1, 1, 0, 0) + Duration.FromDays(day) + precision switch
        {
            0 => Duration.FromTicks(step * Step), // on the 5-minute grid of interval ends (the zones' offsets are multiples of 30 minutes)
            1 => Duration.FromSeconds(second),
            _ => Duration.FromSeconds(second) + Duration.FromTicks(tick),
        };

    /// <summary>-200 h .. 200 h: on the grid, in seconds, or in ticks; sometimes zero.</summary>
    private static readonly Gen<Duration> Durations =
        Gen.Frequency(
            (4, Gen.Choose(-2400, 2400).Select(n => Duration.FromTicks(n * Step))),
            (3, Gen.Choose(-720_000, 720_000).Select(s => Duration.FromSeconds(s))),
            (2, Gen.Choose(-720_000, 720_000).Zip(Gen.Choose(0, 9_999_999)).Select(p => Duration.FromSeconds(p.Item1) + Duration.FromTicks(p.Item2))),
            (2, Gen.Choose(-600, 600).Select(m => Duration.FromMinutes(m))),
            (1, Gen.Constant(Duration.Zero)));

    private static Gen<(LocalDate, int, (int, int)[])> Override(Instant near) =>
        from offset in Gen.Choose(-40, 40)
        from kind in Gen.Choose(0, 2)
        from hours in Gen.Frequency((4, DayHours(1)), (1, Gen.Constant(Array.Empty<(int, int)>())))
        select (near.InUtc().Date.PlusDays(offset), kind, hours);

    private static Gen<CalendarSpec> Specs(Instant near) =>
        from zone in Gen.Elements(ZoneIds)
        from week in Week
        from china in Gen.Elements(true, false)
        from ordinary in Gen.Frequency((1, Gen.Constant(false)), (2, Gen.Constant(true)))
        from adjusted in Gen.Frequency((3, Gen.Constant<(int, int)[]?>(null)), (1, DayHours(1).Select(h => ((int, int)[]?)h)))
        from overrides in Gen.Frequency((1, Gen.Constant(Array.Empty<(LocalDate, int, (int, int)[])>())), (2, Override(near).ArrayOf()))
        select new CalendarSpec(zone, week, china, ordinary, adjusted, Distinct(overrides));

    private static (LocalDate, int, (int, int)[])[] Distinct((LocalDate Date, int, (int, int)[])[] overrides) =>
        overrides.GroupBy(o => o.Date).Select(g => g.First()).Take(6).ToArray();

    private static readonly Arbitrary<Case> Cases = Arb.From(
        from start in Instants
        from spec in Specs(start)
        from otherOffset in Gen.Frequency(
            (3, Durations),
            (1, Gen.Choose(-60, 60).Select(d => Duration.FromDays(d) + Duration.FromMinutes(d * 7))))
        from a in Durations
        from b in Durations
        from days in Gen.Choose(-12, 12)
        select new Case(spec, start, start + otherOffset, a, b, days));

    // Helpers

    /// <summary>The outcome of an operation: its value, or the type of exception it threw.</summary>
    private static string Outcome<T>(Func<T> f)
    {
        try
        {
            return "= " + f();
        }
        catch (HolidayDataUnavailableException e)
        {
            return "throws " + e.GetType().Name + " " + e.Year;
        }
        catch (ArgumentOutOfRangeException e)
        {
            return "throws " + e.GetType().Name;
        }
    }

    /// <summary>Runs a law; a case whose computation needs an unknown year is vacuously true (the oracle tests cover it).</summary>
    private static bool Law(Func<bool> law)
    {
        try
        {
            return law();
        }
        catch (HolidayDataUnavailableException)
        {
            return true;
        }
    }

    private static bool Same(string compiled, string walked, string what)
    {
        if (compiled != walked)
        {
            throw new Xunit.Sdk.XunitException($"{what}: compiled {compiled}, walking {walked}");
        }

        return true;
    }

    // Oracle properties

    [Property(MaxTest = Tests)]
    public Property AddWorkingTime_EqualsWalkingImplementation() =>
        Prop.ForAll(Cases, c =>
        {
            var walker = new WalkingCalendar(c.Calendar);
            return Same(Outcome(() => c.Calendar.AddWorkingTime(c.Start, c.A)), Outcome(() => walker.AddWorkingTime(c.Start, c.A)), "AddWorkingTime")
                && Same(Outcome(() => c.Calendar.AddWorkingTime(c.Start, -c.A)), Outcome(() => walker.AddWorkingTime(c.Start, -c.A)), "AddWorkingTime(-a)");
        });

    [Property(MaxTest = Tests)]
    public Property AddWorkingDays_EqualsWalkingImplementation() =>
        Prop.ForAll(Cases, c =>
        {
            var walker = new WalkingCalendar(c.Calendar);
            return Same(Outcome(() => c.Calendar.AddWorkingDays(c.Start, c.Days)), Outcome(() => walker.AddWorkingDays(c.Start, c.Days)), "AddWorkingDays");
        });

    [Property(MaxTest = Tests)]
    public Property WorkingTimeBetween_EqualsWalkingImplementation() =>
        Prop.ForAll(Cases, c =>
        {
            var walker = new WalkingCalendar(c.Calendar);
            return Same(Outcome(() => c.Calendar.WorkingTimeBetween(c.Start, c.Other)), Outcome(() => walker.WorkingTimeBetween(c.Start, c.Other)), "WorkingTimeBetween");
        });

    // Laws

    [Property(MaxTest = Tests)]
    public Property WorkingTimeBetween_StartAndAddedResult_IsTheAmountAdded() =>
        Prop.ForAll(Cases, c => Law(() =>
        {
            var cal = c.Calendar;
            var d = c.A < Duration.Zero ? -c.A : c.A;
            // For d >= 0 (docs) from any start; and the mirror for -d.
            return cal.WorkingTimeBetween(c.Start, cal.AddWorkingTime(c.Start, d)) == d
                && cal.WorkingTimeBetween(c.Start, cal.AddWorkingTime(c.Start, -d)) == -d;
        }));

    [Property(MaxTest = Tests)]
    public Property AddWorkingTime_IsMonotonicInStart() =>
        Prop.ForAll(Cases, c => Law(() =>
        {
            var cal = c.Calendar;
            var (s1, s2) = c.Start <= c.Other ? (c.Start, c.Other) : (c.Other, c.Start);
            return cal.AddWorkingTime(s1, c.A) <= cal.AddWorkingTime(s2, c.A);
        }));

    [Property(MaxTest = Tests)]
    public Property AddWorkingTime_IsMonotonicInAmount() =>
        Prop.ForAll(Cases, c => Law(() =>
        {
            var cal = c.Calendar;
            var (a, b) = c.A <= c.B ? (c.A, c.B) : (c.B, c.A);
            return cal.AddWorkingTime(c.Start, a) <= cal.AddWorkingTime(c.Start, b);
        }));

    [Property(MaxTest = Tests)]
    public Property AddWorkingTime_TwiceEqualsOnceWithTheSum_ForAmountsOfOneSign() =>
        Prop.ForAll(Cases, c => Law(() =>
        {
            var cal = c.Calendar;
            var a = c.A < Duration.Zero ? -c.A : c.A;
            var b = c.B < Duration.Zero ? -c.B : c.B;
            return cal.AddWorkingTime(cal.AddWorkingTime(c.Start, a), b) == cal.AddWorkingTime(c.Start, a + b)
                && cal.AddWorkingTime(cal.AddWorkingTime(c.Start, -a), -b) == cal.AddWorkingTime(c.Start, -(a + b));
        }));

    [Property(MaxTest = Tests)]
    public Property AddWorkingTime_ThenTheNegation_ReturnsAStartInWorkingTime() =>
        Prop.ForAll(Cases, c => Law(() =>
        {
            var cal = c.Calendar;
            var d = c.A < Duration.Zero ? -c.A : c.A;
            if (d == Duration.Zero)
            {
                d = Duration.FromTicks(1);
            }

            // Snap the start into working time so that the law is never vacuous.
            var s = cal.NextWorkingInstant(c.Start);
            bool forward = cal.AddWorkingTime(cal.AddWorkingTime(s, d), -d) == s;

            // The mirror: going back then forward returns a start whose previous tick is working time.
            var e = cal.AddWorkingTime(cal.NextWorkingInstant(c.Start), Duration.FromTicks(1));
            bool backward = cal.AddWorkingTime(cal.AddWorkingTime(e, -d), d) == e;
            return forward && backward;
        }));

    [Property(MaxTest = Tests)]
    public Property WorkingTimeBetween_IsAntisymmetricAndAdditive() =>
        Prop.ForAll(Cases, c => Law(() =>
        {
            var cal = c.Calendar;
            var middle = c.Start + c.A;
            return cal.WorkingTimeBetween(c.Start, c.Other) == -cal.WorkingTimeBetween(c.Other, c.Start)
                && cal.WorkingTimeBetween(c.Start, c.Start) == Duration.Zero
                && cal.WorkingTimeBetween(c.Start, c.Other) == cal.WorkingTimeBetween(c.Start, middle) + cal.WorkingTimeBetween(middle, c.Other);
        }));

    [Property(MaxTest = Tests)]
    public Property IsWorkingTime_MeansTheNextTickIsWorkingTime() =>
        Prop.ForAll(Cases, c => Law(() =>
            c.Calendar.IsWorkingTime(c.Start) == (c.Calendar.WorkingTimeBetween(c.Start, c.Start + Duration.FromTicks(1)) == Duration.FromTicks(1))));

    [Property(MaxTest = Tests)]
    public Property NextWorkingInstant_IsTheFirstWorkingInstantAtOrAfter() =>
        Prop.ForAll(Cases, c => Law(() =>
        {
            var cal = c.Calendar;
            var next = cal.NextWorkingInstant(c.Start);
            return next >= c.Start
                && cal.IsWorkingTime(next)
                && cal.WorkingTimeBetween(c.Start, next) == Duration.Zero
                && (next == c.Start) == cal.IsWorkingTime(c.Start)
                && cal.AddWorkingTime(c.Start, Duration.FromTicks(1)) == next + Duration.FromTicks(1);
        }));

    [Property(MaxTest = Tests)]
    public Property AddWorkingDays_LocalDate_CountsNWorkingDays() =>
        Prop.ForAll(Cases, c => Law(() =>
        {
            var cal = c.Calendar;
            var date = c.Start.InZone(cal.Zone).Date;
            var result = cal.AddWorkingDays(date, c.Days);
            if (c.Days == 0)
            {
                return result == date;
            }

            int step = c.Days > 0 ? 1 : -1, counted = 0;
            for (var d = date.PlusDays(step); d != result.PlusDays(step); d = d.PlusDays(step))
            {
                counted += cal.IsWorkingDay(d) ? 1 : 0;
            }

            return cal.IsWorkingDay(result) && counted == Math.Abs(c.Days);
        }));

    [Property(MaxTest = Tests)]
    public Property AddWorkingDays_Instant_ClosesTheWorkingDayThatTheLocalDateFormReaches() =>
        Prop.ForAll(Cases, c => Law(() =>
        {
            var cal = c.Calendar;
            var date = c.Start.InZone(cal.Zone).Date;
            if (c.Days == 0)
            {
                // The start's date if it is a working day, else the next one: its close.
                var first = cal.IsWorkingDay(date) ? date : cal.AddWorkingDays(date, 1);
                return cal.AddWorkingDays(c.Start, 0) == cal.AddWorkingDays(cal.Zone.AtStartOfDay(first).ToInstant(), 0);
            }

            // Any instant of the reached working day, with n = 0, is that day's close.
            var reached = cal.AddWorkingDays(date, c.Days);
            return cal.AddWorkingDays(c.Start, c.Days) == cal.AddWorkingDays(cal.Zone.AtStartOfDay(reached).ToInstant(), 0);
        }));

    [Property(MaxTest = 200)]
    public Property BulkForms_EqualSingleForms() =>
        Prop.ForAll(Cases, c => Law(() =>
        {
            var cal = c.Calendar;
            Instant[] starts = [c.Start, c.Other, c.Start + c.A, c.Start + c.B, c.Other - c.A];
            Duration[] amounts = [c.A, c.B, -c.A, Duration.Zero, c.A + c.B];
            Instant[] ends = [c.Other, c.Start, c.Other + c.B, c.Start, c.Start + c.A];
            var results = new Instant[starts.Length];
            var durations = new Duration[starts.Length];
            bool ok = true;

            cal.AddWorkingTime(starts, c.A, results);
            ok &= results.SequenceEqual(starts.Select(s => cal.AddWorkingTime(s, c.A)));
            cal.AddWorkingTime(starts, amounts, results);
            ok &= results.SequenceEqual(starts.Select((s, i) => cal.AddWorkingTime(s, amounts[i])));
            cal.AddWorkingDays(starts, c.Days, results);
            ok &= results.SequenceEqual(starts.Select(s => cal.AddWorkingDays(s, c.Days)));
            cal.WorkingTimeBetween(starts, ends, durations);
            ok &= durations.SequenceEqual(starts.Select((s, i) => cal.WorkingTimeBetween(s, ends[i])));
            return ok;
        }));
}
