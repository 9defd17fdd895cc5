package io.minidrama.domain.cdn;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A page of CDN log files ({@code getcdnlogs}).
 *
 * @param totalCount how many log files the window has in all
 * @param files      this page's files
 */
public record CdnLogs(long totalCount, List<LogFile> files) {
    public CdnLogs {
        files = List.copyOf(files);
    }

    /**
     * One hourly log file ({@code domestic_cdn_logs[]}). The URL lives 24 hours: download it, do
     * not store it.
     *
     * @param date      the day ({@code YYYYMMDD} on the wire)
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
