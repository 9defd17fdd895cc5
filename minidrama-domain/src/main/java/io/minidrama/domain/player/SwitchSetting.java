package io.minidrama.domain.player;

import java.util.Objects;

/**
 * The request of {@code setplayerdramarecmdswitch}: turn {@code entry} on or off.
 *
 * @param entry the recommendation slot, or playing the untranscoded original upload
 * @param on    whether it is turned on
 */
public record SwitchSetting(PlayerSwitch entry, boolean on) {
    public SwitchSetting {
        Objects.requireNonNull(entry, "entry");
    }

    /** {@code entry=on}, as the fake records the call. */
    @Override
    public String toString() {
        return entry + "=" + on;
    }
}
