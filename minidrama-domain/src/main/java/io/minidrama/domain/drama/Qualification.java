package io.minidrama.domain.drama;

import io.minidrama.domain.MaterialId;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

import java.util.regex.Pattern;

/**
 * The drama's qualification: one sealed choice that decides which {@code auditdrama} schema a
 * first submission uses.
 *
 * <ul>
 *   <li>Older schema: {@link RegistrationNumber} (备案号) or {@link PublishLicense}
 *       (网络剧片发行许可证编号 plus its material).</li>
 *   <li>Current schema (§6.1, {@code qualification_type}): {@link Licensed} (type 1: a
 *       distribution licence or key-programme filing number plus its certificate) or
 *       {@link LowCost} (type 2: no licence, production cost under the threshold, with a
 *       commitment letter).</li>
 * </ul>
 * Because the variants are separate types, a submission can never carry both a registration
 * number and a publish licence, nor mix the two schemas.
 */
public sealed interface Qualification {

    /** Whether this qualification belongs to the current schema (§6.1). */
    boolean currentSchema();

    /**
     * Older schema: the drama's registration (filing) number.
     *
     * @param number the 备案号, non-blank
     */
    record RegistrationNumber(String number) implements Qualification {
        public RegistrationNumber {
            Violations v = Violations.start();
            if (v.requireText(number, "registration_number", Rule.R15)) {
                v.check(number.length() <= 100, "registration_number", Rule.R15, number, "a registration number is at most 100 characters");
            }
            v.throwIfAny();
        }

        @Override
        public boolean currentSchema() {
            return false;
        }
    }

    /**
     * Older schema: the online-drama publish licence number and the licence's material.
     *
     * @param number     the licence number, non-blank
     * @param materialId the licence image ({@code publish_license_material_id})
     */
    record PublishLicense(String number, MaterialId materialId) implements Qualification {
        public PublishLicense {
            Violations v = Violations.start();
            if (v.requireText(number, "publish_license", Rule.R15)) {
                v.check(number.length() <= 100, "publish_license", Rule.R15, number, "a publish licence number is at most 100 characters");
            }
            v.check(materialId != null, "publish_license_material_id", Rule.R15, null,
                    "a publish licence needs its publish_license_material_id");
            v.throwIfAny();
        }

        @Override
        public boolean currentSchema() {
            return false;
        }
    }

    /**
     * Current schema, {@code qualification_type} 1: holds a distribution licence or key-programme
     * filing number, such as {@code (沪)网剧审字(2023)第001号} or {@code V123456788888888}.
     *
     * @param registrationNumber    the licence or filing number
     * @param certificateMaterialId {@code qualification_certificate_material_id}
     */
    record Licensed(String registrationNumber, MaterialId certificateMaterialId) implements Qualification {
        private static final Pattern PRINTABLE = Pattern.compile("\\S(.*\\S)?");

        public Licensed {
            Violations v = Violations.start();
            if (v.requireText(registrationNumber, "registration_number", Rule.S6_1)) {
                v.check(registrationNumber.length() <= 100 && PRINTABLE.matcher(registrationNumber).matches(),
                        "registration_number", Rule.S6_1, registrationNumber,
                        "a licence or filing number such as '(沪)网剧审字(2023)第001号' or 'V123456788888888', one line, at most 100 characters");
            }
            v.check(certificateMaterialId != null, "qualification_certificate_material_id", Rule.S6_1, null,
                    "qualification type 1 needs qualification_certificate_material_id");
            v.throwIfAny();
        }

        @Override
        public boolean currentSchema() {
            return true;
        }
    }

    /**
     * Current schema, {@code qualification_type} 2: no licence, and a production cost under the
     * threshold (¥1,000,000 from 2026-01-14).
     *
     * @param costOfProduction           cost in units of ¥10,000, 1..99
     * @param commitmentLetterMaterialId {@code cost_commitment_letter_material_id}
     */
    record LowCost(int costOfProduction, MaterialId commitmentLetterMaterialId) implements Qualification {
        public LowCost {
            Violations v = Violations.start();
            v.check(costOfProduction >= 1 && costOfProduction <= 99, "cost_of_production", Rule.S6_1, costOfProduction,
                    "cost_of_production is 1..99 (unit ¥10,000: under ¥1,000,000)");
            v.check(commitmentLetterMaterialId != null, "cost_commitment_letter_material_id", Rule.S6_1, null,
                    "qualification type 2 needs cost_commitment_letter_material_id");
            v.throwIfAny();
        }

        @Override
        public boolean currentSchema() {
            return true;
        }
    }
}
