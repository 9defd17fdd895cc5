package io.minidrama.port.upload;

import io.minidrama.domain.MediaId;
import io.minidrama.domain.error.MiniDramaException;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a season upload: every episode, uploaded, already there, or failed.
 *
 * @param dramaName the drama's name
 * @param episodes  one entry per episode, in episode order
 */
public record SeasonResult(String dramaName, List<Episode> episodes) {
    public SeasonResult {
        Objects.requireNonNull(dramaName, "dramaName");
        episodes = List.copyOf(episodes);
    }

    /**
     * One episode's outcome.
     *
     * @param number  the episode number
     * @param file    the file
     * @param status  what happened
     * @param mediaId the media id (absent when failed)
     * @param failure why it failed (absent otherwise)
     */
    public record Episode(int number, Path file, Status status, Optional<MediaId> mediaId, Optional<RuntimeException> failure) {
        public Episode {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(mediaId, "mediaId");
            Objects.requireNonNull(failure, "failure");
        }
    }

    /** What happened to an episode. */
    public enum Status {
        /** Uploaded by this run. */
        UPLOADED,
        /** Found on the platform already (an earlier run uploaded it); not sent again. */
        ALREADY_UPLOADED,
        /** Failed; re-running the season upload retries it. */
        FAILED
    }

    /** Whether every episode has a media id. */
    public boolean complete() {
        return episodes.stream().allMatch(e -> e.status() != Status.FAILED);
    }

    /** The episodes that failed. */
    public List<Episode> failed() {
        return episodes.stream().filter(e -> e.status() == Status.FAILED).toList();
    }

    /**
     * The media ids in episode order, ready for a drama submission.
     *
     * @throws IncompleteSeasonException naming the failed episodes, if any failed
     */
    public List<MediaId> mediaIdsInOrder() {
        if (!complete()) {
            throw new IncompleteSeasonException(this);
        }
        return episodes.stream().map(e -> e.mediaId().orElseThrow()).toList();
    }

    /** Thrown when a season's media ids are asked for while episodes failed. */
    public static final class IncompleteSeasonException extends MiniDramaException {
        private static final long serialVersionUID = 1L;
        private final transient SeasonResult result;

        IncompleteSeasonException(SeasonResult result) {
            super(describe(result));
            this.result = result;
        }

        /** The partial result. */
        public SeasonResult result() {
            return result;
        }

        private static String describe(SeasonResult r) {
            StringBuilder sb = new StringBuilder(r.dramaName()).append(": ").append(r.failed().size())
                    .append(" of ").append(r.episodes().size()).append(" episodes failed (re-run to finish them):");
            for (Episode e : r.failed()) {
                sb.append("\n  episode ").append(e.number()).append(" (").append(e.file().getFileName()).append("): ")
                        .append(e.failure().map(Throwable::getMessage).orElse("unknown"));
            }
            return sb.toString();
        }
    }
}
