package io.minidrama.domain.media;

import io.minidrama.domain.MediaId;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.NullSetters;
import io.minidrama.domain.internal.Violations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A {@code getmedialink} request (R-9..R-13), checked against a {@link Clock} when built.
 *
 * <p>A link can be obtained only when the episode's drama is approved; that is the platform's
 * state and is checked by the platform (and by the fake).
 */
public final class PlayLinkRequest {
    /** a link lives at most this long. */
    public static final Duration MAX_LIFETIME = Duration.ofHours(2);
    /** at most this many referer domains. */
    public static final int MAX_DOMAINS = 10;
    /** longest channel tag accepted. */
    public static final int MAX_US_LENGTH = 32;
    private static final Pattern US = Pattern.compile("[A-Za-z0-9_.~-]+");
    private static final Pattern DOMAIN = Pattern.compile("(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:\\d{1,5})?(/[^\\s,]*)?");

    private final MediaId mediaId;
    private final Instant expiry;
    private final String us;
    private final int rlimit;
    private final List<String> whref;
    private final List<String> bkref;
    private final int previewSeconds;

    private PlayLinkRequest(Builder b, Clock clock) {
        Violations v = Violations.start();
        v.require(b.mediaId, "media_id", Rule.NONE);
        Instant now = clock.instant();
        Instant expiry = b.expiry != null ? b.expiry : (b.lifetime != null ? now.plus(b.lifetime) : null);
        if (v.require(expiry, "t", Rule.R9)) {
            v.check(expiry.isAfter(now), "t", Rule.R9, expiry.getEpochSecond(),
                    "the link expiry must be in the future (now is " + now.getEpochSecond() + ")");
            v.check(!expiry.isAfter(now.plus(MAX_LIFETIME)), "t", Rule.R9, expiry.getEpochSecond(),
                    "the link expiry is at most 2 hours from now (" + now.plus(MAX_LIFETIME).getEpochSecond() + ")");
        }
        if (b.us != null) {
            v.check(!b.us.isEmpty() && b.us.length() <= MAX_US_LENGTH && US.matcher(b.us).matches(), "us", Rule.R13, b.us,
                    "the channel tag is 1.." + MAX_US_LENGTH + " URL-safe characters (letters, digits, - _ . ~)");
        }
        if (b.rlimit != null) {
            v.check(b.rlimit >= 1 && b.rlimit <= 9, "rlimit", Rule.R10, b.rlimit,
                    "rlimit is 1..9 (3 rather than 1 is advised: mobile IPs change)");
        }
        checkDomains(v, "whref", b.whref);
        checkDomains(v, "bkref", b.bkref);
        if (b.previewSeconds != null) {
            v.check(b.previewSeconds > 0, "expr", Rule.R12, b.previewSeconds, "the preview length is more than 0 seconds");
            if (b.knownDuration != null && !b.knownDuration.isZero()) {
                v.check(b.previewSeconds <= b.knownDuration.toSeconds(), "expr", Rule.R12, b.previewSeconds,
                        "the preview is at most the video's duration (" + b.knownDuration.toSeconds() + " s)");
            }
        }
        b.nulls.reportTo(v);
        v.throwIfAny();
        this.mediaId = b.mediaId;
        this.expiry = expiry;
        this.us = b.us;
        this.rlimit = b.rlimit == null ? 0 : b.rlimit;
        this.whref = List.copyOf(b.whref);
        this.bkref = List.copyOf(b.bkref);
        this.previewSeconds = b.previewSeconds == null ? 0 : b.previewSeconds;
    }

    private static void checkDomains(Violations v, String field, List<String> domains) {
        if (domains.isEmpty()) {
            return;
        }
        v.check(domains.size() <= MAX_DOMAINS, field, Rule.R11, domains.size() + " domains",
                field + " takes 1..10 domains");
        for (int i = 0; i < domains.size(); i++) {
            String d = domains.get(i);
            if (d == null || d.contains("://")) {
                v.add(field + "[" + i + "]", Rule.R11, d, "give the domain without scheme, such as 'www.example.com' or '*.example.com'");
            } else {
                v.check(DOMAIN.matcher(d).matches(), field + "[" + i + "]", Rule.R11, d,
                        "a domain such as 'www.example.com' or '*.example.com' (no scheme, no spaces or commas)");
            }
        }
    }

    /** A new builder for a link to {@code mediaId}. */
    public static Builder builder(MediaId mediaId) {
        return new Builder(mediaId);
    }

    /** The media. */
    public MediaId mediaId() {
        return mediaId;
    }

    /** When the link expires ({@code t}). */
    public Instant expiry() {
        return expiry;
    }

    /** The channel tag, if set. */
    public Optional<String> us() {
        return Optional.ofNullable(us);
    }

    /** The limit on distinct client IPs, if set. */
    public OptionalInt rlimit() {
        return rlimit == 0 ? OptionalInt.empty() : OptionalInt.of(rlimit);
    }

    /** The referer allow-list (empty: no restriction). */
    public List<String> whref() {
        return whref;
    }

    /** The referer deny-list (empty: no restriction). */
    public List<String> bkref() {
        return bkref;
    }

    /** The preview length in seconds, if set. */
    public OptionalInt previewSeconds() {
        return previewSeconds == 0 ? OptionalInt.empty() : OptionalInt.of(previewSeconds);
    }

    @Override
    public String toString() {
        return "PlayLinkRequest[" + mediaId + ", t=" + expiry.getEpochSecond() + "]";
    }

    /**
     * Builder of {@link PlayLinkRequest}. Not thread-safe.
     *
     * <p>A setter given {@code null} never throws: {@link #build(Clock)} reports it with every
     * other violation, a required value as missing, an optional one as
     * {@link io.minidrama.domain.error.RuleViolation#givenNull}.
     */
    public static final class Builder {
        private final MediaId mediaId;
        private Instant expiry;
        private Duration lifetime;
        private String us;
        private Integer rlimit;
        private List<String> whref = List.of();
        private List<String> bkref = List.of();
        private Integer previewSeconds;
        private Duration knownDuration;
        private final NullSetters nulls = new NullSetters();

        private Builder(MediaId mediaId) {
            this.mediaId = mediaId;
        }

        /** Expire at this instant (R-9: future, at most 2 h away). */
        public Builder expiresAt(Instant expiry) {
            this.expiry = expiry;
            this.lifetime = null;
            return this;
        }

        /** Expire this long after the clock's now (R-9: at most 2 h). */
        public Builder expiresIn(Duration lifetime) {
            this.lifetime = lifetime;
            this.expiry = null;
            return this;
        }

        /** Channel tag. */
        public Builder us(String us) {
            this.us = nulls.optional(us, "us");
            return this;
        }

        /** Limit on distinct client IPs, 1..9. */
        public Builder rlimit(int rlimit) {
            this.rlimit = rlimit;
            return this;
        }

        /** Referer allow-list, 1..10 domains. */
        public Builder whref(List<String> domains) {
            this.whref = NullSetters.copy(nulls.optional(domains, "whref", List.of()));
            return this;
        }

        /** Referer deny-list, 1..10 domains. */
        public Builder bkref(List<String> domains) {
            this.bkref = NullSetters.copy(nulls.optional(domains, "bkref", List.of()));
            return this;
        }

        /** Preview length in seconds, &gt; 0. */
        public Builder previewSeconds(int seconds) {
            this.previewSeconds = seconds;
            return this;
        }

        /** The video's duration, when known, so R-12 can be checked before sending. */
        public Builder knownDuration(Duration duration) {
            this.knownDuration = nulls.optional(duration, "duration");
            return this;
        }

        /**
         * Builds the request, checking the expiry against {@code clock}.
         *
         * @throws InvalidRequestException listing every broken rule
         */
        public PlayLinkRequest build(Clock clock) {
            return new PlayLinkRequest(this, Objects.requireNonNull(clock, "clock"));
        }
    }
}
