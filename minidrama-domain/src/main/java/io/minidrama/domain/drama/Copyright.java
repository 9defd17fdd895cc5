package io.minidrama.domain.drama;

import io.minidrama.domain.MaterialId;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code copyright} object of the current schema (§6.1).
 *
 * <p>Applying for copyright protection requires a verification method; verification by proof
 * materials requires 1..10 proofs of production (at most 4 before the change announced for
 * 2026-07-28; the platform's SDKs already send up to 10, API.md §9.7).
 */
public final class Copyright {
    /** Most {@code proof_of_production} material ids (API.md §9.7: 10, formerly 4). */
    public static final int MAX_PROOFS_OF_PRODUCTION = 10;
    /** Most {@code purchase_or_broadcast_authorization_certificate} material ids. */
    public static final int MAX_AUTHORIZATION_CERTIFICATES = 4;

    /** Who the submitter is with respect to the rights. */
    public enum Role {
        /** 1: the producer. */
        PRODUCER(1),
        /** 2: a licensed broadcaster or rights holder. */
        LICENSEE(2);

        private final int code;

        Role(int code) {
            this.code = code;
        }

        /** The platform's numeric value. */
        public int code() {
            return code;
        }
    }

    /** How the copyright is verified when applying for protection. */
    public enum Verification {
        /** "1": proof materials. */
        PROOF_MATERIALS("1"),
        /** "2": an authorisation relation. */
        AUTHORIZATION_RELATION("2");

        private final String wire;

        Verification(String wire) {
            this.wire = wire;
        }

        /** The value sent as {@code copyright_verification} (a string). */
        public String wire() {
            return wire;
        }
    }

    private final Role role;
    private final boolean applyForProtection;
    private final Verification verification;
    private final List<MaterialId> proofOfProduction;
    private final List<MaterialId> broadcastAuthorizationCertificates;

    private Copyright(Role role, boolean apply, Verification verification, List<MaterialId> proofs, List<MaterialId> certs) {
        Violations v = Violations.under("copyright.");
        v.require(role, "copyright_role", Rule.S6_1);
        if (apply) {
            v.require(verification, "copyright_verification", Rule.S6_1);
            if (verification == Verification.PROOF_MATERIALS) {
                v.check(!proofs.isEmpty(), "proof_of_production", Rule.S6_1, "[]",
                        "applying with proof materials needs 1.." + MAX_PROOFS_OF_PRODUCTION + " proof_of_production material ids");
            }
        }
        v.check(proofs.size() <= MAX_PROOFS_OF_PRODUCTION, "proof_of_production", Rule.S6_1, proofs.size() + " ids",
                "at most " + MAX_PROOFS_OF_PRODUCTION + " proof_of_production material ids");
        v.check(certs.size() <= MAX_AUTHORIZATION_CERTIFICATES, "purchase_or_broadcast_authorization_certificate", Rule.S6_1, certs.size() + " ids",
                "at most 4 authorization certificate material ids");
        v.throwIfAny();
        this.role = role;
        this.applyForProtection = apply;
        this.verification = verification;
        this.proofOfProduction = List.copyOf(proofs);
        this.broadcastAuthorizationCertificates = List.copyOf(certs);
    }

    /** Not applying for copyright protection (an {@code authorized_material_id} is then required). */
    public static Copyright withoutProtection(Role role) {
        return new Copyright(role, false, null, List.of(), List.of());
    }

    /**
     * Applying for copyright protection.
     *
     * @throws InvalidRequestException listing every broken rule
     */
    public static Copyright withProtection(Role role, Verification verification, List<MaterialId> proofOfProduction,
                                           List<MaterialId> authorizationCertificates) {
        return new Copyright(role, true, verification, List.copyOf(proofOfProduction), List.copyOf(authorizationCertificates));
    }

    /** The submitter's role. */
    public Role role() {
        return role;
    }

    /** Whether protection is applied for. */
    public boolean applyForProtection() {
        return applyForProtection;
    }

    /** The verification method, when applying. */
    public Optional<Verification> verification() {
        return Optional.ofNullable(verification);
    }

    /** Proofs of production (0..10). */
    public List<MaterialId> proofOfProduction() {
        return proofOfProduction;
    }

    /** Purchase or broadcast authorisation certificates (0..4). */
    public List<MaterialId> broadcastAuthorizationCertificates() {
        return broadcastAuthorizationCertificates;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Copyright c && role == c.role && applyForProtection == c.applyForProtection
                && verification == c.verification && proofOfProduction.equals(c.proofOfProduction)
                && broadcastAuthorizationCertificates.equals(c.broadcastAuthorizationCertificates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(role, applyForProtection, verification, proofOfProduction, broadcastAuthorizationCertificates);
    }

    @Override
    public String toString() {
        return "Copyright[" + role + (applyForProtection ? ", protection by " + verification : "") + "]";
    }
}
