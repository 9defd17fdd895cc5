package io.minidrama.domain.cdn;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The CDN log files of a window ({@code getcdnlogs}). An hour with traffic has one or more files
 * (one per serving domain); an hour without traffic has none.
 *
 * @param totalCount how many log files the window has, as the platform counts them
 * @param files      the files, in the platform's order
 */
public record CdnLogs(long totalCount, List<LogFile> files) {
    public CdnLogs {
        files = List.copyOf(files);
    }

    /**
     * One log file ({@code domestic_cdn_logs[]}): one serving domain's log of one hour. The URL
     * lives 24 hours: download it, do not store it.
     *
     * @param date      the day ({@code "YYYY-MM-DD"} on the wire; {@code YYYYMMDD} numbers are accepted too)
     * @param name      the file name
     * @param url       the temporary download URL
     * @param startTime start of the hour covered
     * @param endTime   end of the hour covered
     */
    public record LogFile(LocalDate date, String name, String url, Instant startTime, Instant endTime) {
        public LogFile {
            Objects.requireNonNull(date, "date");
            name = name == null ? "" : name;
            url = url == null ? "" : url;
            startTime = startTime == null ? Instant.EPOCH : startTime;
            endTime = endTime == null ? Instant.EPOCH : endTime;
        }
    }
}
