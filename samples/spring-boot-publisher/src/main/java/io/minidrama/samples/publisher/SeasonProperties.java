package io.minidrama.samples.publisher;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * What to publish ({@code publisher.*}): the season's folder and the paperwork of its first
 * submission. The material ids are temporary materials uploaded beforehand (API.md §3).
 *
 * @param folder                  the episodes, numbered by the last number in their file names; none: publish nothing at start-up
 * @param name                    the drama's name
 * @param producer                the producer
 * @param description             the synopsis
 * @param coverMaterialId         the cover's material id
 * @param registrationNumber      the licence (网剧审字) number
 * @param licenceMaterialId       the licence's material id
 * @param authorizationMaterialId the authorization letter's material id
 */
@ConfigurationProperties(prefix = "publisher")
public record SeasonProperties(Path folder, String name, String producer, String description, String coverMaterialId,
                               String registrationNumber, String licenceMaterialId, String authorizationMaterialId) {
}
