package io.minidrama.events;

import io.minidrama.domain.event.PushEvent;

import java.util.Objects;

/**
 * What {@link PushEventReceiver#receiveOnce(java.util.Map, byte[])} made of a genuine push: an
 * event to hand to your handler, or a repeat of a push already delivered. Answer {@code success}
 * to the platform in both cases.
 *
 * <pre>{@code
 * if (receiver.receiveOnce(query, body) instanceof PushOutcome.Delivered d) {
 *     handler.accept(d.event());
 * } // else a Duplicate: already delivered, do not handle it again
 * reply(200, "success");
 * }</pre>
 */
public sealed interface PushOutcome permits PushOutcome.Delivered, PushOutcome.Duplicate {

    /** The replay key of the push (derived from its verified signature; not secret). */
    String replayKey();

    /**
     * The first delivery of this push: handle the event.
     *
     * @param event     the decoded event
     * @param replayKey the key recorded in the {@link PushReplayGuard}
     */
    record Delivered(PushEvent event, String replayKey) implements PushOutcome {
        /** Checks that neither component is null. */
        public Delivered {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(replayKey, "replayKey");
        }
    }

    /**
     * A replay of a push already delivered within the guard's memory: do not handle it again.
     *
     * @param replayKey the key found in the {@link PushReplayGuard}
     */
    record Duplicate(String replayKey) implements PushOutcome {
        /** Checks that the key is not null. */
        public Duplicate {
            Objects.requireNonNull(replayKey, "replayKey");
        }
    }
}
