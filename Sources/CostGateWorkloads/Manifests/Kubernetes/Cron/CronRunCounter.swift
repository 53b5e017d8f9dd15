import Foundation

extension CronSchedule {
    /// How many Jobs the CronJob controller starts in calendar month `month` (1–12) of `year`, the schedule being
    /// read in `timeZone` (`spec.timeZone`, or the controller manager's zone, usually UTC, when that is unset).
    ///
    /// A run counts when its start time, seen in `timeZone`, falls in that month. Calendar schedules are counted by
    /// enumerating the fire times robfig/cron v3 produces, daylight-saving transitions included (see
    /// `CronRunCounter`). `@every d` has no calendar phase: its runs are spaced `d` apart from the CronJob's creation
    /// (the controller computes `lastScheduleTime + d`), so a month of length L holds ⌊L/d⌋ or ⌈L/d⌉ of them
    /// depending on that unknown phase; this returns ⌈L/d⌉, the most any phase gives, L being the seconds elapsed
    /// from midnight on the 1st to midnight on the 1st of the next month in `timeZone` (743 h for March in New York).
    ///
    /// A month outside 1–12 rolls into the neighbouring years (13 is January of `year + 1`), as Go's `time.Date`
    /// does; years outside 1–9999 count 0.
    public func runs(inYear year: Int, month: Int, timeZone: TimeZone) -> Int {
        let normalizedYear = year + CronRunCounter.floorDiv(month - 1, 12)
        let normalizedMonth = CronRunCounter.floorMod(month - 1, 12) + 1
        guard (1...9999).contains(normalizedYear) else { return 0 }
        switch kind {
        case .calendar(let bits):
            return CronRunCounter(bits: bits, timeZone: timeZone, year: normalizedYear, month: normalizedMonth).count()
        case .every(let seconds):
            let counter = CronRunCounter(bits: nil, timeZone: timeZone, year: normalizedYear, month: normalizedMonth)
            let start = counter.goDate(normalizedYear, normalizedMonth, 1, 0, 0, 0)
            let end = counter.goDate(normalizedYear, normalizedMonth + 1, 1, 0, 0, 0)
            return Int((end - start + seconds - 1) / seconds)
        }
    }
}

/// Counts the fire times of a calendar schedule in one month by replaying robfig/cron v3 `SpecSchedule.Next`
/// (`spec.go`) step for step, as the CronJob controller iterates it (`mostRecentScheduleTime` in kubernetes
/// `pkg/controller/cronjob/utils.go` schedules `Next(lastScheduleTime)`, with the `TZ=<spec.timeZone>` prefix that
/// `formatSchedule` adds). Times are Unix seconds; the zone's UTC offsets come from Foundation once per month.
///
/// Daylight saving time, decided by robfig's code and not by what a person might expect:
/// - Spring forward: wall times in the gap are skipped. From the run before the gap, `Next` moves with absolute
///   `t.Add(1*time.Minute)` / `t.Add(1*time.Hour)` steps; e.g. in New York on 2027-03-14 01:59 EST + 1 minute is
///   03:00 EDT, so `t.Hour()` is never 2 and `30 2 * * *` does not run that day (30 runs in March 2027, and
///   `0 * * * *` has 743, not 744).
/// - Fall back: wall times in the repeated hour run twice. From 01:30 EDT on 2027-11-07 the minute loop steps to
///   01:59 EDT + 1 minute = 01:00 EST, `Minute() == 0` sends it to `WRAP`, hour 1 matches again, and 01:30 EST is
///   returned; `30 1 * * *` runs 31 times in November 2027 and `0 * * * *` 721 times. The controller names Jobs
///   after `scheduledTime.Unix()/60`, so both runs get their own Job.
/// - The day loop's midnight fix (`if t.Hour() != 0 { … }` after `AddDate(0, 0, 1)`) and Go's `time.Date` choice
///   for missing or repeated wall times are replayed as written, so zones that change at midnight count as robfig.
///
/// Replaying every run of `* * * * *` would cost one `Next` per minute, so between transitions the counter jumps:
/// inside a stretch of constant whole-minute offset that lies at least a day away from any offset change, every
/// matching wall-clock minute is exactly one run (robfig's loops only step over non-matching values there, and Go's
/// `time.Date` resolves every wall time within a day of that stretch unambiguously), so those runs are counted
/// arithmetically, day by day, and the replay resumes from the last of them.
package struct CronRunCounter {
    package let bits: CronSchedule.Bits?
    package let year: Int
    package let month: Int
    /// Enumeration starts after `low` and stops at `high`: two days either side of the month's wall-clock span, so
    /// every instant whose local date is in the month (offsets are within ±26 h) is covered.
    package let low: Int64
    package let high: Int64
    package let zone: ZoneOffsets
    /// Off only in tests that compare the jump with a full replay.
    package var jumpsBetweenTransitions = true

    package static let day: Int64 = 86_400

    package init(bits: CronSchedule.Bits?, timeZone: TimeZone, year: Int, month: Int) {
        self.bits = bits
        self.year = year
        self.month = month
        let monthStart = Self.days(year, month, 1) * Self.day
        let nextMonthStart = Self.days(month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1) * Self.day
        low = monthStart - 2 * Self.day
        high = nextMonthStart + 2 * Self.day
        zone = ZoneOffsets(timeZone: timeZone, window: (low - 3 * Self.day)..<(high + 3 * Self.day))
    }

    /// Number of fire times whose local date is in `year`-`month`.
    package func count() -> Int {
        guard let bits else { return 0 }
        var total = 0
        var current = next(after: low, bits)
        while let fire = current {
            let local = zone.local(fire)
            if local.year == year && local.month == month { total += 1 }
            if jumpsBetweenTransitions, let jump = jump(after: fire, bits) {
                total += jump.count
                current = next(after: jump.last, bits)
            } else {
                current = next(after: fire, bits)
            }
        }
        return total
    }

    // MARK: - robfig/cron v3 SpecSchedule.Next, replayed

    /// `SpecSchedule.Next(previous)`, or nil once the search reaches `high`.
    package func next(after previous: Int64, _ bits: CronSchedule.Bits) -> Int64? {
        var t = previous + 1  // "the upcoming second"; times here have no fraction
        var added = false
        let yearLimit = zone.local(t).year + 5
        // robfig's loops can spin forever: Pacific/Apia skipped 2011-12-30, and `AddDate(0, 0, 1)` from the 29th
        // lands on the 29th again, so a schedule needing another day never returns. The controller then starts
        // nothing more, which is what running out of this budget means here.
        var budget = 100_000
        wrap: while true {
            budget -= 1
            if t >= high || budget <= 0 { return nil }
            var now = zone.local(t)
            if now.year > yearLimit { return nil }

            while bits.month & Self.bit(now.month) == 0 {
                budget -= 1
                if budget <= 0 { return nil }
                if !added {
                    added = true
                    t = goDate(now.year, now.month, 1, 0, 0, 0)
                    now = zone.local(t)
                }
                t = goDate(now.year, now.month + 1, now.day, now.hour, now.minute, now.second)  // AddDate(0, 1, 0)
                if t >= high { return nil }
                now = zone.local(t)
                if now.month == 1 { continue wrap }
            }

            while !bits.dayMatches(day: now.day, weekday: now.weekday) {
                budget -= 1
                if budget <= 0 { return nil }
                if !added {
                    added = true
                    t = goDate(now.year, now.month, now.day, 0, 0, 0)
                    now = zone.local(t)
                }
                t = goDate(now.year, now.month, now.day + 1, now.hour, now.minute, now.second)  // AddDate(0, 0, 1)
                now = zone.local(t)
                if now.hour != 0 {  // robfig: midnight may not exist; back to 0 if ≤ 12, on to the next day if > 12
                    t += now.hour > 12 ? Int64(24 - now.hour) * 3_600 : -Int64(now.hour) * 3_600
                    now = zone.local(t)
                }
                if t >= high { return nil }
                if now.day == 1 { continue wrap }
            }

            if bits.hour & Self.bit(now.hour) == 0 {
                if !added {
                    added = true
                    t = goDate(now.year, now.month, now.day, now.hour, 0, 0)
                }
                t = step(from: t, by: 3_600, cycle: 24, value: \.hour) { $0 == 0 || bits.hour & Self.bit($0) != 0 }
                now = zone.local(t)
                if now.hour == 0 { continue wrap }
            }

            if bits.minute & Self.bit(now.minute) == 0 {
                if !added {
                    added = true
                    t = Self.floorDiv(t, 60) * 60  // t.Truncate(time.Minute): absolute, not wall-clock
                }
                t = step(from: t, by: 60, cycle: 60, value: \.minute) { $0 == 0 || bits.minute & Self.bit($0) != 0 }
                now = zone.local(t)
                if now.minute == 0 { continue wrap }
            }

            if now.second != 0 {  // the standard parser's seconds field is {0}: this loop always ends in WRAP
                added = true
                t = step(from: t, by: 1, cycle: 60, value: \.second) { $0 == 0 }
                continue wrap
            }
            return t < high ? t : nil
        }
    }

    /// robfig's `for !match { t = t.Add(unit); if field == 0 { goto WRAP } }` loops: returns the first `t + k·unit`
    /// (k ≥ 1) whose field value satisfies `stop`. Within one offset the field advances by one per step, so the
    /// answer is computed; at an offset change the loop resumes from the first step past it.
    package func step(from start: Int64, by unit: Int64, cycle: Int, value: KeyPath<LocalTime, Int>,
              stop: (Int) -> Bool) -> Int64 {
        var t = start
        while true {
            let segment = zone.segment(containing: t)
            let current = zone.local(t)[keyPath: value]
            var steps = 1
            while !stop((current + steps) % cycle) { steps += 1 }  // ends: every caller stops at 0
            let target = t + Int64(steps) * unit
            if target < segment.end { return target }
            t += (segment.end - t + unit - 1) / unit * unit
            if stop(zone.local(t)[keyPath: value]) { return t }
        }
    }

    // MARK: - Jumping between transitions

    /// Counts the matching wall-clock minutes after `fire` (a run) inside its offset stretch, up to a day before the
    /// stretch ends; nil when `fire` is not in such a stretch or no minute matches there.
    package func jump(after fire: Int64, _ bits: CronSchedule.Bits) -> (count: Int, last: Int64)? {
        let segment = zone.segment(containing: fire)
        guard segment.offset % 60 == 0 else { return nil }
        let safeEnd = min(segment.safeEnd, high)
        guard fire >= segment.safeStart, fire < safeEnd else { return nil }
        let offset = Int64(segment.offset)
        let firstLocal = fire + offset + 1
        let lastLocal = safeEnd - 1 + offset
        guard firstLocal <= lastLocal else { return nil }
        var count = 0
        var last: Int64?
        var dayNumber = Self.floorDiv(firstLocal, Self.day)
        while dayNumber <= Self.floorDiv(lastLocal, Self.day) {
            let date = Self.civil(dayNumber)
            if bits.month & Self.bit(date.month) != 0,
               bits.dayMatches(day: date.day, weekday: Int(Self.floorMod(dayNumber + 4, 7))) {
                let dayStart = dayNumber * Self.day
                let from = Int(max(firstLocal, dayStart) - dayStart)
                let to = Int(min(lastLocal, dayStart + Self.day - 1) - dayStart)
                if let matches = Self.minutes(bits, from: from, to: to) {
                    if date.year == year && date.month == month { count += matches.count }
                    last = dayStart + Int64(matches.lastSecond) - offset
                }
            }
            dayNumber += 1
        }
        guard let last else { return nil }
        return (count, last)
    }

    /// Matching (hour, minute) pairs whose second-of-day is in `from...to`, and the last one's second-of-day.
    package static func minutes(_ bits: CronSchedule.Bits, from: Int, to: Int) -> (count: Int, lastSecond: Int)? {
        let minuteMask = bits.minute & ((1 << 60) - 1)
        var count = 0
        var lastSecond: Int?
        for hour in 0..<24 where bits.hour & bit(hour) != 0 {
            let hourStart = hour * 3_600
            let firstMinute = max(0, (from - hourStart + 59) / 60)
            let lastMinute = min(59, to >= hourStart ? (to - hourStart) / 60 : -1)
            guard firstMinute <= lastMinute else { continue }
            let window = (UInt64.max >> UInt64(63 - lastMinute)) & (UInt64.max << UInt64(firstMinute))
            let hits = minuteMask & window
            guard hits != 0 else { continue }
            count += hits.nonzeroBitCount
            lastSecond = hourStart + (63 - hits.leadingZeroBitCount) * 60
        }
        guard let lastSecond else { return nil }
        return (count, lastSecond)
    }

    // MARK: - Go's time package, as far as Next uses it

    /// `time.Date(year, month, day, hour, min, sec, 0, loc)` as Unix seconds: fields normalized as Go does, and a
    /// wall time that is missing or repeated resolved with Go's two-lookup rule.
    package func goDate(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) -> Int64 {
        let normalizedYear = year + Self.floorDiv(month - 1, 12)
        let normalizedMonth = Self.floorMod(month - 1, 12) + 1
        let wallDays = Self.days(normalizedYear, normalizedMonth, 1) + Int64(day - 1)
        let wall = wallDays * Self.day + Int64(hour) * 3_600 + Int64(minute) * 60 + Int64(second)
        let guess = zone.segment(containing: wall)
        guard guess.offset != 0 else { return wall }
        var offset = Int64(guess.offset)
        let utc = wall - offset
        if utc < guess.start || utc >= guess.end {
            offset = Int64(zone.segment(containing: utc).offset)
        }
        return wall - offset
    }

    // MARK: - Calendar arithmetic (proleptic Gregorian, as Go's)

    package static func bit(_ value: Int) -> UInt64 { 1 << UInt64(value) }

    package static func floorDiv<T: BinaryInteger>(_ a: T, _ b: T) -> T {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }

    package static func floorMod<T: BinaryInteger>(_ a: T, _ b: T) -> T { a - floorDiv(a, b) * b }

    /// Days from 1970-01-01 to `year`-`month`-`day` (month 1–12).
    package static func days(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = floorDiv(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = Int64((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1)
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01.
    package static func civil(_ days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
        let month = Int(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9)
        return (Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0), month, day)
    }
}

extension CronRunCounter {
    /// Wall-clock fields of an instant in the schedule's zone; `weekday` 0 is Sunday.
    package struct LocalTime {
        package var year: Int
        package var month: Int
        package var day: Int
        package var hour: Int
        package var minute: Int
        package var second: Int
        package var weekday: Int

        package init(localSeconds: Int64) {
            let dayNumber = CronRunCounter.floorDiv(localSeconds, CronRunCounter.day)
            let date = CronRunCounter.civil(dayNumber)
            let secondOfDay = Int(localSeconds - dayNumber * CronRunCounter.day)
            year = date.year
            month = date.month
            day = date.day
            hour = secondOfDay / 3_600
            minute = secondOfDay / 60 % 60
            second = secondOfDay % 60
            weekday = Int(CronRunCounter.floorMod(dayNumber + 4, 7))  // 1970-01-01 was a Thursday
        }
    }

    /// A zone's UTC offsets over a window of Unix seconds, read once from Foundation: stretches of constant offset.
    package struct ZoneOffsets {
        package struct Segment {
            /// Seconds east of UTC.
            package var offset: Int
            /// Bounds as Go's `Location.lookup` reports them (the edge stretches run on without end).
            package var start: Int64
            package var end: Int64
            /// At least a day inside the stretch and inside the window read: where runs may be counted arithmetically.
            package var safeStart: Int64
            package var safeEnd: Int64
        }

        private var starts: [Int64]
        private var offsets: [Int]
        private let window: Range<Int64>

        package init(timeZone: TimeZone, window: Range<Int64>) {
            self.window = window
            // UTC has one offset and no transitions: what the search below finds, without ~300 ICU calls per CronJob.
            if timeZone.identifier == "UTC" || timeZone.identifier == "GMT", timeZone.secondsFromGMT() == 0 {
                starts = [Int64.min]
                offsets = [0]
                return
            }
            func offset(at second: Int64) -> Int { timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(second))) }
            // Transitions: Foundation's list, plus any offset change found by sampling every 3 hours and bisecting,
            // so that changes of standard offset are caught even if Foundation reported only daylight-saving ones.
            var candidates: [Int64] = []
            var cursor = Date(timeIntervalSince1970: Double(window.lowerBound))
            while candidates.count < 1_000, let next = timeZone.nextDaylightSavingTimeTransition(after: cursor),
                  next > cursor, next.timeIntervalSince1970 < Double(window.upperBound) {
                candidates.append(Int64(next.timeIntervalSince1970.rounded(.up)))
                cursor = next
            }
            var previous = window.lowerBound
            var previousOffset = offset(at: previous)
            while previous < window.upperBound {
                let sample = min(previous + 3 * 3_600, window.upperBound)
                let sampleOffset = offset(at: sample)
                if sampleOffset != previousOffset {
                    var low = previous, high = sample  // offset(low) == previousOffset, offset(high) != previousOffset
                    while high - low > 1 {
                        let middle = low + (high - low) / 2
                        if offset(at: middle) == previousOffset { low = middle } else { high = middle }
                    }
                    candidates.append(high)
                }
                previous = sample
                previousOffset = sampleOffset
            }
            starts = [Int64.min]
            offsets = [offset(at: window.lowerBound)]
            for candidate in Set(candidates).sorted() where candidate > window.lowerBound {
                let value = offset(at: candidate)
                if value != offsets[offsets.count - 1] {
                    starts.append(candidate)
                    offsets.append(value)
                }
            }
        }

        package func segment(containing second: Int64) -> Segment {
            var index = starts.count - 1
            while index > 0 && starts[index] > second { index -= 1 }
            let start = starts[index]
            let end = index + 1 < starts.count ? starts[index + 1] : Int64.max
            return Segment(offset: offsets[index], start: start, end: end,
                           safeStart: max(start, window.lowerBound) + CronRunCounter.day,
                           safeEnd: min(end, window.upperBound) - CronRunCounter.day)
        }

        package func local(_ second: Int64) -> LocalTime {
            LocalTime(localSeconds: second + Int64(segment(containing: second).offset))
        }
    }
}
