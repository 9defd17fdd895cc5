package io.minidrama.domain.traffic;

import java.time.Instant;

/**
 * A CDN traffic package ({@code package_list[]}), fields as sent.
 *
 * @param packageId  the package id
 * @param orderId    the purchase order (a string)
 * @param startTime  when it starts
 * @param endTime    when it ends
 * @param usedMb     traffic used, MB
 * @param totalMb    traffic included ({@code all}), MB
 * @param status     1 valid, 2 invalid, 3 expired (as sent)
 * @param deleted    whether it was deleted
 */
public record TrafficPackage(String packageId, String orderId, Instant startTime, Instant endTime, long usedMb, long totalMb,
                             int status, boolean deleted) {
    public TrafficPackage {
        packageId = packageId == null ? "" : packageId;
        orderId = orderId == null ? "" : orderId;
        startTime = startTime == null ? Instant.EPOCH : startTime;
        endTime = endTime == null ? Instant.EPOCH : endTime;
    }

    /** Traffic left, MB (never negative). */
    public long remainingMb() {
        return Math.max(0, totalMb - usedMb);
    }
}
