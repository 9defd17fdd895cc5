package io.minidrama.domain.media;

import io.minidrama.domain.DramaId;
import io.minidrama.domain.PageRequest;
import io.minidrama.domain.TimeWindow;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.NullSetters;
import io.minidrama.domain.internal.Violations;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@code listmedia} query. Every filter is optional: by drama, by name (exact, or
 * fuzzy with a leading and/or trailing {@code %}), by upload time ({@code start <= t < end}).
 */
public final class MediaQuery {
    private final DramaId dramaId;
    private final String namePattern;
    private final TimeWindow uploadedWithin;
    private final PageRequest page;

    private MediaQuery(Builder b) {
        Violations v = Violations.start();
        if (b.namePattern != null) {
            String p = b.namePattern;
            String core = p;
            if (core.startsWith("%")) {
                core = core.substring(1);
            }
            if (core.endsWith("%")) {
                core = core.substring(0, core.length() - 1);
            }
            v.check(!core.isBlank(), "media_name", Rule.R21, p, "a name filter needs text besides the % wildcards");
            v.check(!core.contains("%"), "media_name", Rule.R21, p,
                    "% is a wildcard only at the start and/or end of the name, such as '%第1集' or '我的短剧%'");
        }
        b.nulls.reportTo(v);
        v.throwIfAny();
        this.dramaId = b.dramaId;
        this.namePattern = b.namePattern;
        this.uploadedWithin = b.uploadedWithin;
        this.page = b.page;
    }

    /** A new builder; without filters it lists the first 100 media. */
    public static Builder builder() {
        return new Builder();
    }

    /** All media, first page. */
    public static MediaQuery all() {
        return builder().build();
    }

    /** Only the media of this drama. */
    public Optional<DramaId> dramaId() {
        return Optional.ofNullable(dramaId);
    }

    /** The name filter, exact or with {@code %} wildcards at the ends. */
    public Optional<String> namePattern() {
        return Optional.ofNullable(namePattern);
    }

    /** Only media uploaded in {@code [start, end)}. */
    public Optional<TimeWindow> uploadedWithin() {
        return Optional.ofNullable(uploadedWithin);
    }

    /** The page. */
    public PageRequest page() {
        return page;
    }

    /** This query for another page. */
    public MediaQuery withPage(PageRequest page) {
        Builder b = new Builder();
        b.dramaId = dramaId;
        b.namePattern = namePattern;
        b.uploadedWithin = uploadedWithin;
        b.page = Objects.requireNonNull(page, "page");
        return b.build();
    }

    /** Whether {@code name} matches the name filter (exact, or fuzzy at the marked ends). */
    public boolean matchesName(String name) {
        if (namePattern == null) {
            return true;
        }
        boolean lead = namePattern.startsWith("%");
        boolean trail = namePattern.length() > 1 && namePattern.endsWith("%");
        String core = namePattern.substring(lead ? 1 : 0, namePattern.length() - (trail ? 1 : 0));
        if (lead && trail) {
            return name.contains(core);
        } else if (lead) {
            return name.endsWith(core);
        } else if (trail) {
            return name.startsWith(core);
        }
        return name.equals(core);
    }

    @Override
    public String toString() {
        return "MediaQuery[drama=" + dramaId + ", name=" + namePattern + ", window=" + uploadedWithin + ", " + page + "]";
    }

    /**
     * Builder of {@link MediaQuery}. Not thread-safe.
     *
     * <p>A setter given {@code null} never throws: {@link #build()} reports it with every other
     * violation, a required value as missing, an optional one as
     * {@link io.minidrama.domain.error.RuleViolation#givenNull}.
     */
    public static final class Builder {
        private DramaId dramaId;
        private String namePattern;
        private TimeWindow uploadedWithin;
        private PageRequest page = PageRequest.first();
        private final NullSetters nulls = new NullSetters();

        private Builder() {
        }

        /** Only the media of this drama. */
        public Builder dramaId(DramaId dramaId) {
            this.dramaId = nulls.optional(dramaId, "drama_id");
            return this;
        }

        /** Exact name, or fuzzy with a leading and/or trailing {@code %}. */
        public Builder namePattern(String namePattern) {
            this.namePattern = nulls.optional(namePattern, "media_name");
            return this;
        }

        /** Only media uploaded in {@code [start, end)}. */
        public Builder uploadedWithin(TimeWindow window) {
            this.uploadedWithin = nulls.optional(window, "start_time");
            return this;
        }

        /** The page; default offset 0, limit 100. */
        public Builder page(PageRequest page) {
            this.page = nulls.optional(page, "limit", PageRequest.first());
            return this;
        }

        /**
         * Builds the query.
         *
         * @throws InvalidRequestException listing every broken rule
         */
        public MediaQuery build() {
            return new MediaQuery(this);
        }
    }
}
