package io.minidrama.domain.drama;

import io.minidrama.domain.DramaId;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.NullSetters;
import io.minidrama.domain.internal.Violations;

import java.util.List;
import java.util.Optional;

/**
 * A {@code modifydramabasicinfo} request: changes to an approved drama's information, which
 * take effect only after review (an audit event with audit type 3 follows).
 *
 * <p>Limits are §6.1's: description ≤ 200, recommendations ≤ 30; an actor change sends the
 * whole list (2..5 actors); a qualification change uses the current schema (and the platform
 * allows it once, for dramas first submitted before 2024-05-27). At least one field changes.
 */
public final class DramaInfoChange {
    /** Longest alternate name accepted. */
    public static final int MAX_ALTERNATE_NAME = 100;

    private final DramaId dramaId;
    private final String description;
    private final MaterialId coverMaterialId;
    private final String recommendations;
    private final MaterialId promotionPosterMaterialId;
    private final String alternateName;
    private final List<Actor> actors;
    private final Qualification qualification;
    private final MaterialId otherMaterialId;
    private final String producer;
    private final Copyright copyright;

    private DramaInfoChange(Builder b) {
        Violations v = Violations.start();
        v.require(b.dramaId, "drama_id", Rule.R28);
        v.checkShownText(b.description, "description", true);
        v.checkShownText(b.recommendations, "recommendations", true);
        v.checkShownText(b.alternateName, "alternate_name", false);
        v.checkShownText(b.producer, "producer", false);
        if (b.description != null) {
            v.check(!b.description.isBlank() && b.description.length() <= FirstSubmission.MAX_DESCRIPTION, "description", Rule.R28,
                    b.description.length() + " characters", "a description is 1..200 characters");
        }
        if (b.recommendations != null) {
            v.check(b.recommendations.length() <= FirstSubmission.MAX_RECOMMENDATIONS, "recommendations", Rule.R28, b.recommendations,
                    "recommendations are at most 30 characters");
        }
        if (b.alternateName != null) {
            v.check(!b.alternateName.isBlank() && b.alternateName.length() <= MAX_ALTERNATE_NAME, "alternate_name", Rule.R28,
                    b.alternateName, "an alternate name is 1..100 characters");
        }
        if (b.actors != null) {
            v.requireEach(b.actors, "actor_list", Rule.R28);
            v.check(b.actors.size() >= 2 && b.actors.size() <= 5, "actor_list", Rule.R28, b.actors.size() + " actors",
                    "an actor change sends the whole list: 2..5 actors");
        }
        if (b.qualification != null) {
            v.check(b.qualification.currentSchema(), "qualification_type", Rule.R28, b.qualification.getClass().getSimpleName(),
                    "a qualification change uses the current schema: Qualification.Licensed or LowCost");
        }
        if (b.producer != null) {
            v.check(!b.producer.isBlank(), "producer", Rule.R28, b.producer, "the producer must not be blank");
        }
        if (b.copyright != null && b.copyright.applyForProtection()) {
            // The platform requires producer and copyright together when applying for protection.
            v.check(b.producer != null, "producer", Rule.R28, null, "applying for copyright protection also sends the producer");
        }
        boolean any = b.description != null || b.coverMaterialId != null || b.recommendations != null
                || b.promotionPosterMaterialId != null || b.alternateName != null || b.actors != null || b.qualification != null
                || b.otherMaterialId != null || b.producer != null || b.copyright != null;
        v.check(any, "drama_id", Rule.R28, b.dramaId, "an info change must change at least one field");
        b.nulls.reportTo(v);
        v.throwIfAny();
        this.dramaId = b.dramaId;
        this.description = b.description;
        this.coverMaterialId = b.coverMaterialId;
        this.recommendations = b.recommendations;
        this.promotionPosterMaterialId = b.promotionPosterMaterialId;
        this.alternateName = b.alternateName;
        this.actors = b.actors == null ? null : List.copyOf(b.actors);
        this.qualification = b.qualification;
        this.otherMaterialId = b.otherMaterialId;
        this.producer = b.producer;
        this.copyright = b.copyright;
    }

    /** A builder for drama {@code dramaId}. */
    public static Builder builder(DramaId dramaId) {
        return new Builder(dramaId);
    }

    /** The drama ID. */
    public DramaId dramaId() {
        return dramaId;
    }

    /** The description, if given. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** The cover material ID, if given. */
    public Optional<MaterialId> coverMaterialId() {
        return Optional.ofNullable(coverMaterialId);
    }

    /** The recommendations, if given. */
    public Optional<String> recommendations() {
        return Optional.ofNullable(recommendations);
    }

    /** The promotion poster material ID, if given. */
    public Optional<MaterialId> promotionPosterMaterialId() {
        return Optional.ofNullable(promotionPosterMaterialId);
    }

    /** The alternate name, if given. */
    public Optional<String> alternateName() {
        return Optional.ofNullable(alternateName);
    }

    /** The whole new actor list, when actors change. */
    public Optional<List<Actor>> actors() {
        return Optional.ofNullable(actors);
    }

    /** The qualification, if given. */
    public Optional<Qualification> qualification() {
        return Optional.ofNullable(qualification);
    }

    /** The other material ID, if given. */
    public Optional<MaterialId> otherMaterialId() {
        return Optional.ofNullable(otherMaterialId);
    }

    /** The producer, if given. */
    public Optional<String> producer() {
        return Optional.ofNullable(producer);
    }

    /** The copyright, if given. */
    public Optional<Copyright> copyright() {
        return Optional.ofNullable(copyright);
    }

    @Override
    public String toString() {
        return "DramaInfoChange[" + dramaId + "]";
    }

    /**
     * Builder of {@link DramaInfoChange}; every field but the drama id is optional. Not thread-safe.
     *
     * <p>A setter given {@code null} never throws: {@link #build()} reports it with every other
     * violation, a required value as missing, an optional one as
     * {@link io.minidrama.domain.error.RuleViolation#givenNull}.
     */
    public static final class Builder {
        private final DramaId dramaId;
        private String description;
        private MaterialId coverMaterialId;
        private String recommendations;
        private MaterialId promotionPosterMaterialId;
        private String alternateName;
        private List<Actor> actors;
        private Qualification qualification;
        private MaterialId otherMaterialId;
        private String producer;
        private Copyright copyright;
        private final NullSetters nulls = new NullSetters();

        private Builder(DramaId dramaId) {
            this.dramaId = dramaId;
        }

        /** Sets the description. */
        public Builder description(String v) {
            this.description = nulls.optional(v, "description");
            return this;
        }

        /** Sets the cover material ID. */
        public Builder coverMaterialId(MaterialId v) {
            this.coverMaterialId = nulls.optional(v, "cover_material_id");
            return this;
        }

        /** Sets the recommendations. */
        public Builder recommendations(String v) {
            this.recommendations = nulls.optional(v, "recommendations");
            return this;
        }

        /** Sets the promotion poster material ID. */
        public Builder promotionPosterMaterialId(MaterialId v) {
            this.promotionPosterMaterialId = nulls.optional(v, "promotion_poster_material_id");
            return this;
        }

        /** Sets the alternate name. */
        public Builder alternateName(String v) {
            this.alternateName = nulls.optional(v, "alternate_name");
            return this;
        }

        /** The whole new actor list (2..5). */
        public Builder actors(List<Actor> v) {
            this.actors = NullSetters.copy(nulls.optional(v, "actor_list"));
            return this;
        }

        /** A new qualification (current schema only). */
        public Builder qualification(Qualification v) {
            this.qualification = nulls.optional(v, "qualification_type");
            return this;
        }

        /** Sets the other material ID. */
        public Builder otherMaterialId(MaterialId v) {
            this.otherMaterialId = nulls.optional(v, "other_material_material_id");
            return this;
        }

        /** A new producer (when applying for copyright protection). */
        public Builder producer(String v) {
            this.producer = nulls.optional(v, "producer");
            return this;
        }

        /** A new copyright object (when applying for copyright protection). */
        public Builder copyright(Copyright v) {
            this.copyright = nulls.optional(v, "copyright");
            return this;
        }

        /**
         * Builds the change.
         *
         * @throws InvalidRequestException listing every broken rule
         */
        public DramaInfoChange build() {
            return new DramaInfoChange(this);
        }
    }
}
