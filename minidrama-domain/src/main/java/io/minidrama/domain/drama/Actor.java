package io.minidrama.domain.drama;

import io.minidrama.domain.MaterialId;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

import java.util.regex.Pattern;

/**
 * An actor of a live-action drama ({@code actor_list.actor[]}, §6.1 and R-28).
 *
 * @param name            at most 30 characters: Chinese, English letters, spaces and {@code ·}
 * @param photoMaterialId the actor's photo (temporary material)
 * @param role            the role played, at most 30 characters
 * @param profile         a short profile, at most 100 characters
 */
public record Actor(String name, MaterialId photoMaterialId, String role, String profile) {
    private static final Pattern NAME = Pattern.compile("[\\p{IsHan}A-Za-z·•・ ]+");

    public Actor {
        Violations v = Violations.start();
        if (v.requireText(name, "name", Rule.S6_1)) {
            v.check(name.length() <= 30, "name", Rule.S6_1, name, "an actor's name is at most 30 characters");
            v.check(NAME.matcher(name).matches(), "name", Rule.S6_1, name, "an actor's name uses Chinese or English letters and '·' only");
        }
        v.require(photoMaterialId, "photo_material_id", Rule.S6_1);
        v.checkShownText(role, "role", false);
        v.checkShownText(profile, "profile", true);
        if (v.requireText(role, "role", Rule.S6_1)) {
            v.check(role.length() <= 30, "role", Rule.S6_1, role, "a role is at most 30 characters");
        }
        if (v.requireText(profile, "profile", Rule.S6_1)) {
            v.check(profile.length() <= 100, "profile", Rule.S6_1, profile.length() + " characters", "a profile is at most 100 characters");
        }
        v.throwIfAny();
    }
}
