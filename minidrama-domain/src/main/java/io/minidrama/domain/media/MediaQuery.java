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
 * A {@code listmedia} query. Every filter is optional: by drama, by exact name
 * ({@code media_name}), by a fuzzy name search ({@code media_name_fuzzy}), by upload time
 * ({@code start <= t < end}).
 *
 * <p>{@code media_name} is an exact match. A {@code %} at either end of it (the older SDKs'
 * wildcard idiom) is refused: the platform no longer documents it and it may return nothing in a
 * large library; search with {@link Builder#nameFuzzy(String)} instead. A {@code %} inside a name
 * is an ordinary character.
 */
public final class MediaQuery {
    private final DramaId dramaId;
    private final String name;
    private final String nameFuzzy;
    private final TimeWindow uploadedWithin;
    private final PageRequest page;

    private MediaQuery(Builder b) {
        Violations v = Violations.start();
        if (b.name != null) {
            String n = b.name;
            if (v.check(!n.isBlank(), "media_name", Rule.R21, n, "an exact name filter needs text")) {
                v.check(!n.startsWith("%") && !n.endsWith("%"), "media_name", Rule.R21, n,
                        "media_name is an exact match; % is not a wildcard there: search with nameFuzzy (media_name_fuzzy), e.g. '"
                                + n.replaceAll("^%+|%+$", "") + "'");
            }
        }
        if (b.nameFuzzy != null) {
            v.check(!b.nameFuzzy.isBlank(), "media_name_fuzzy", Rule.R21, b.nameFuzzy, "a fuzzy name search needs text");
        }
        b.nulls.reportTo(v);
        v.throwIfAny();
        this.dramaId = b.dramaId;
        this.name = b.name;
        this.nameFuzzy = b.nameFuzzy;
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

    /** The exact name filter ({@code media_name}). */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The fuzzy name search ({@code media_name_fuzzy}). */
    public Optional<String> nameFuzzy() {
        return Optional.ofNullable(nameFuzzy);
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
        b.name = name;
        b.nameFuzzy = nameFuzzy;
        b.uploadedWithin = uploadedWithin;
        b.page = Objects.requireNonNull(page, "page");
        return b.build();
    }

    /**
     * Whether {@code candidate} passes the name filters: equal to the exact name, and containing
     * the fuzzy text (the platform documents "fuzzy match" only; fakes read it as "contains").
     */
    public boolean matchesName(String candidate) {
        return (name == null || name.equals(candidate)) && (nameFuzzy == null || candidate.contains(nameFuzzy));
    }

    @Override
    public String toString() {
        return "MediaQuery[drama=" + dramaId + ", name=" + name + ", nameFuzzy=" + nameFuzzy + ", window=" + uploadedWithin + ", " + page + "]";
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
        private String name;
        private String nameFuzzy;
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

        /**
         * Only media with exactly this name ({@code media_name}, R-21). A leading or trailing
         * {@code %} is refused at {@link #build()}: use {@link #nameFuzzy(String)} to search.
         */
        public Builder name(String name) {
            this.name = nulls.optional(name, "media_name");
            return this;
        }

        /**
         * Only media whose name matches {@code text} fuzzily ({@code media_name_fuzzy}, R-21), such
         * as a drama name or {@code 第1集}. Sent as given: no wildcards.
         */
        public Builder nameFuzzy(String text) {
            this.nameFuzzy = nulls.optional(text, "media_name_fuzzy");
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
