package io.minidrama.port;

import io.minidrama.domain.MediaId;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The media that already bore an upload's name when the upload was opened, recorded in its
 * {@link UploadCheckpoint}. A media of that name which is not one of them, found after a commit
 * whose answer was lost, is the one the commit created: this needs neither this machine's clock nor
 * the platform's. {@link #unknown()} for a checkpoint written before this was recorded, or when no
 * catalog could be asked. Immutable.
 */
public final class Namesakes {
    private static final Namesakes UNKNOWN = new Namesakes(false, Set.of());
    private final boolean known;
    private final Set<MediaId> ids;

    private Namesakes(boolean known, Set<MediaId> ids) {
        this.known = known;
        this.ids = ids;
    }

    /** Not recorded. */
    public static Namesakes unknown() {
        return UNKNOWN;
    }

    /** Exactly these media bore the name (none: an empty collection). */
    public static Namesakes of(Collection<MediaId> ids) {
        return new Namesakes(true, Set.copyOf(ids));
    }

    /** The media that bore the name, if recorded. */
    public Optional<Set<MediaId>> ids() {
        return known ? Optional.of(ids) : Optional.empty();
    }

    /**
     * The ids as one text value for a checkpoint store: comma-separated decimal ids, empty when
     * none ({@link #decode} reads it back).
     */
    public static String encode(Set<MediaId> ids) {
        return ids.stream().map(MediaId::value).sorted().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
    }

    /**
     * The namesakes {@link #encode} wrote; {@code null} (the field is absent) is {@link #unknown()}.
     *
     * @throws NumberFormatException if the text is not comma-separated ids
     */
    public static Namesakes decode(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        if (text.isEmpty()) {
            return of(Set.of());
        }
        return of(java.util.Arrays.stream(text.split(",")).map(v -> MediaId.of(Long.parseLong(v.trim()))).toList());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Namesakes n && n.known == known && n.ids.equals(ids);
    }

    @Override
    public int hashCode() {
        return Objects.hash(known, ids);
    }

    @Override
    public String toString() {
        return known ? "Namesakes" + ids : "Namesakes[unknown]";
    }
}
