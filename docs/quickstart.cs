#:project ../src/ServiceCommitments/ServiceCommitments.csproj
#:property PublishAot=false
// A real commitment, evaluated on the mainland China calendar:
//   "Level-1 fault: respond within 30 minutes, 7x24; engineer on site within 2 hours in Beijing and within
//    24 hours elsewhere; repaired within 2 working days; a written report within 8 working hours."
// Run it from the repository root:  dotnet run docs/quickstart.cs
// File-based apps default to PublishAot=true, which makes even `dotnet run` restore the NativeAOT compiler and runtime
// packs (about 93 MB to download); this sample is only ever run, never published natively, so it turns that off.
using System;
using NodaTime;
using NodaTime.Text;
using ServiceCommitments.Calendars;

var shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

// 7x24 for elapsed promises (D1.1, D1.4); an office calendar with lunch break, statutory holidays and
// adjusted working days (调休) for working-time promises (D1.5).
var always = BusinessCalendar.AlwaysOpen(shanghai);
var office = new BusinessCalendarBuilder(shanghai)
    .SetWeeklyHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, WorkingInterval.Parse("09:00-12:00"), WorkingInterval.Parse("13:00-18:00"))
    .AddHolidaySet(HolidaySets.ChinaMainland)
    .Build();

// Every time is shown in Shanghai local time, with its UTC offset so nobody reads it as their own zone's.
var pattern = ZonedDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd ddd HH:mm o<+HH:mm>", DateTimeZoneProviders.Tzdb);
string Show(Instant instant) => pattern.Format(instant.InZone(shanghai));

// Reported on the Monday afternoon before the National Day holiday (1-7 October 2024).
var reported = new LocalDateTime(2024, 9, 30, 16, 30).InZoneStrictly(shanghai).ToInstant();

var offset = OffsetPattern.CreateWithInvariantCulture("+H").Format(shanghai.GetUtcOffset(reported));
Console.WriteLine($"Times are Shanghai local time ({shanghai.Id}, UTC{offset}).");
Console.WriteLine();
Console.WriteLine($"Fault reported                     {Show(reported)}");
Console.WriteLine($"Respond within 30 minutes (7x24)   {Show(always.AddWorkingTime(reported, Duration.FromMinutes(30)))}");
Console.WriteLine($"On site in Beijing within 2 hours  {Show(always.AddWorkingTime(reported, Duration.FromHours(2)))}");
Console.WriteLine($"On site elsewhere within 24 hours  {Show(always.AddWorkingTime(reported, Duration.FromHours(24)))}");
Console.WriteLine($"Report within 8 working hours      {Show(office.AddWorkingTime(reported, Duration.FromHours(8)))}");
Console.WriteLine($"Repaired within 2 working days     {Show(office.AddWorkingDays(reported, 2))}");

var fixedAt = new LocalDateTime(2024, 10, 8, 11, 0).InZoneStrictly(shanghai).ToInstant();
Console.WriteLine();
Console.WriteLine($"Fixed at                           {Show(fixedAt)}");
Console.WriteLine($"Working time spent                 {office.WorkingTimeBetween(reported, fixedAt).TotalHours:0.##} h");
Console.WriteLine($"Within 2 working days?             {(fixedAt <= office.AddWorkingDays(reported, 2) ? "yes" : "no")}");
Console.WriteLine($"Sunday 29 September a working day? {(office.IsWorkingDay(new LocalDate(2024, 9, 29)) ? "yes (调休)" : "no")}");
