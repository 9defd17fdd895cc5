package io.minidrama.domain.authz;

import io.minidrama.domain.AppId;

import java.util.Objects;

/**
 * Who receives a copyright authorisation: a company by its unified social credit code
 * ({@code authorization_type} 1) or a mini program by its appid (type 2). Exactly the one the
 * type calls for is sent.
 */
public sealed interface CopyrightGrantee {

    /** {@code authorization_type}: 1 company, 2 mini program. */
    int type();

    /**
     * A company, {@code authorized_subject_cert_no}.
     *
     * @param creditCode its unified social credit code
     */
    record Company(UnifiedSocialCreditCode creditCode) implements CopyrightGrantee {
        public Company {
            Objects.requireNonNull(creditCode, "creditCode");
        }

        @Override
        public int type() {
            return 1;
        }
    }

    /**
     * A mini program, {@code authorized_appid}.
     *
     * @param appId its appid
     */
    record MiniProgram(AppId appId) implements CopyrightGrantee {
        public MiniProgram {
            Objects.requireNonNull(appId, "appId");
        }

        @Override
        public int type() {
            return 2;
        }
    }
}
