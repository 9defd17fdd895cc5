package io.minidrama.adapter.fake.internal;

import io.minidrama.domain.AppId;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The fake's configuration, fixed at build time.
 *
 * @param clock            the fake's time source
 * @param keepContentUpTo  media larger than this keep only size and digest
 * @param durationPerMb    derived duration per started MB of video
 * @param pullWaiting      how long a pull task stays waiting
 * @param pullProcessing   how long a pull task then stays processing
 * @param pulledMediaSize  the size recorded for pulled media (the fake fetches nothing)
 * @param originalId       the mini program's original id, {@code ToUserName} of pushed events
 * @param urlBase          base of the temporary URLs the fake hands out
 * @param firstId          first media, drama and task id
 * @param appId            the mini program's appid (grantor of authorisations, grantee of received ones)
 * @param abandonedUploadTtl how long an upload may stay without {@code applyupload}/{@code uploadpart} activity, by the
 *                         wall clock, before it is freed
 * @param wallTicker       the wall clock's nanosecond ticker ({@link System#nanoTime()} unless a test injects one)
 * @param partMemoryBudget the most part bytes all uploads together hold in memory; beyond it they go to temporary files
 */
public record Settings(Clock clock, long keepContentUpTo, Duration durationPerMb, Duration pullWaiting, Duration pullProcessing,
                       long pulledMediaSize, String originalId, String urlBase, long firstId, AppId appId,
                       Duration abandonedUploadTtl, LongSupplier wallTicker, long partMemoryBudget) {
    public Settings {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(durationPerMb, "durationPerMb");
        Objects.requireNonNull(pullWaiting, "pullWaiting");
        Objects.requireNonNull(pullProcessing, "pullProcessing");
        Objects.requireNonNull(originalId, "originalId");
        Objects.requireNonNull(urlBase, "urlBase");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(abandonedUploadTtl, "abandonedUploadTtl");
        Objects.requireNonNull(wallTicker, "wallTicker");
    }
}
