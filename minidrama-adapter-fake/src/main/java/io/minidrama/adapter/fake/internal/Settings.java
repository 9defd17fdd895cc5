package io.minidrama.adapter.fake.internal;

import io.minidrama.domain.AppId;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

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
 */
public record Settings(Clock clock, long keepContentUpTo, Duration durationPerMb, Duration pullWaiting, Duration pullProcessing,
                       long pulledMediaSize, String originalId, String urlBase, long firstId, AppId appId) {
    public Settings {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(durationPerMb, "durationPerMb");
        Objects.requireNonNull(pullWaiting, "pullWaiting");
        Objects.requireNonNull(pullProcessing, "pullProcessing");
        Objects.requireNonNull(originalId, "originalId");
        Objects.requireNonNull(urlBase, "urlBase");
        Objects.requireNonNull(appId, "appId");
    }
}
