package io.minidrama.domain.authz;

import java.time.Instant;
import java.util.Objects;

/**
 * One copyright authorisation ({@code list[]}), fields as sent.
 *
 * @param authorizerAppId         the grantor
 * @param authorizationType       1 company, 2 mini program
 * @param authorizedAppId         the grantee mini program (type 2; empty otherwise)
 * @param authorizedSubjectCertNo the grantee company's credit code (type 1; empty otherwise)
 * @param dramaIdValue            the drama (0 when the authorisation covers all)
 * @param authorizedTime          when it was granted
 * @param expiry                  when it ends
 */
public record CopyrightGrant(String authorizerAppId, int authorizationType, String authorizedAppId, String authorizedSubjectCertNo,
                             long dramaIdValue, Instant authorizedTime, Expiry expiry) {
    public CopyrightGrant {
        authorizerAppId = authorizerAppId == null ? "" : authorizerAppId;
        authorizedAppId = authorizedAppId == null ? "" : authorizedAppId;
        authorizedSubjectCertNo = authorizedSubjectCertNo == null ? "" : authorizedSubjectCertNo;
        authorizedTime = authorizedTime == null ? Instant.EPOCH : authorizedTime;
        Objects.requireNonNull(expiry, "expiry");
    }
}
