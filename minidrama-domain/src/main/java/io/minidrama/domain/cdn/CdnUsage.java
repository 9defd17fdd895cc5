package io.minidrama.domain.cdn;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * CDN usage ({@code getcdnusagedata}): one value per interval.
 *
 * @param interval the granularity
 * @param points   the data points, in time order
 */
public record CdnUsage(DataInterval interval, List<Point> points) {
    public CdnUsage {
        Objects.requireNonNull(interval, "interval");
        points = List.copyOf(points);
    }

    /**
     * One data point ({@code item_list[]}).
     *
     * @param time  start of the interval
     * @param value traffic in the interval, in the platform's unit (bytes)
     */
    public record Point(Instant time, long value) {
        public Point {
            Objects.requireNonNull(time, "time");
        }
    }

    /** The sum of all values. */
    public long total() {
        return points.stream().mapToLong(Point::value).sum();
    }
}
