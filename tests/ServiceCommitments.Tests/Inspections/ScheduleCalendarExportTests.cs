using System;
using System.Linq;
using Ical.Net.CalendarComponents;
using NodaTime;
using ServiceCommitments.Inspections;
using Xunit;
using static ServiceCommitments.Tests.Inspections.InspectionScheduleTests;

namespace ServiceCommitments.Tests.Inspections;

public sealed class ScheduleCalendarExportTests
{
    private static SchedulePlan Plan() => new InspectionScheduleBuilder("acceptance")
        {
            OnTimeRule = new OnTimeRule(Allowance.CalendarDays(7), Allowance.CalendarDays(7)),
            Notice = NoticeLeadTime.WorkingDays(3),
        }
        .AddPhase(ScheduleStep.Months(1), Period.FromMonths(3))
        .AddPhase(ScheduleStep.Quarters(1))
        .Until(Period.FromMonths(12))
        .AlignTo(Office, AlignMove.NextWorkingDay)
        .Build()
        .Anchor(D("2024-03-20"));

    [Fact]
    public void ToICalendar_ParsesBackWithIcalNet_ToTheSameDates()
    {
        var occurrences = Plan().Occurrences().ToList();
        string ics = ScheduleCalendarExport.ToICalendar(occurrences, "Inspection", "contract-17@example.com", Instant.FromUtc(2024, 3, 1, 8, 30));

        var parsed = Ical.Net.Calendar.Load(ics)!;
        var events = parsed.Events.OrderBy(e => e.Uid, StringComparer.Ordinal).ToList();
        Assert.Equal(occurrences.Count, events.Count);
        foreach (var o in occurrences)
        {
            var e = Assert.Single(events, x => x.Uid == $"contract-17@example.com-{o.Number}");
            Assert.True(e.IsAllDay);
            Assert.Equal(ToDateOnly(o.Earliest), e.DtStart!.Date);
            Assert.Equal(ToDateOnly(o.Latest.PlusDays(1)), e.DtEnd!.Date);
            Assert.Contains($"Due {Occurrence.Format(o.Due)}", e.Description, StringComparison.Ordinal);
            Assert.Contains($"Notify the customer by {Occurrence.Format(o.NoticeBy)}", e.Description, StringComparison.Ordinal);
            Assert.Equal(new DateTime(2024, 3, 1, 8, 30, 0, DateTimeKind.Utc), e.DtStamp!.AsUtc);
        }
    }

    [Fact]
    public void ToICalendar_WritesRfc5545Lines()
    {
        string ics = ScheduleCalendarExport.ToICalendar(Plan().Occurrences().Take(1), "Inspection", "c", Instant.FromUtc(2024, 3, 1, 8, 30));
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nVERSION:2.0\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nDTSTART;VALUE=DATE:20240415\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nDTEND;VALUE=DATE:20240430\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nDTSTAMP:20240301T083000Z\r\n", ics, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "c", "summary")]
    [InlineData("s", "", "uidPrefix")]
    public void ToICalendar_Throws_WhenTextEmpty(string summary, string prefix, string param)
    {
        var e = Assert.Throws<ArgumentException>(() => ScheduleCalendarExport.ToICalendar([], summary, prefix, Instant.FromUnixTimeSeconds(0)));
        Assert.Equal(param, e.ParamName);
    }

    private static DateOnly ToDateOnly(LocalDate d) => new(d.Year, d.Month, d.Day);
}
