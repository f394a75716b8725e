package org.openeps.adapters.http.nomination;

import java.util.Arrays;
import java.util.Optional;
import org.openeps.domain.prescription.DispensingSiteType;

/**
 * The Patient extensions the NHS Personal Demographics Service uses for a patient's nominations, and the dispensing
 * site type each one holds:
 * <ul>
 *   <li>{@code Extension-UKCore-NominatedPharmacy}: the nominated pharmacy, P1;</li>
 *   <li>{@code Extension-UKCore-MedicalApplianceSupplier}: the dispensing appliance contractor, P2;</li>
 *   <li>{@code Extension-UKCore-PreferredDispenserOrganization}: the dispensing doctor, P3.</li>
 * </ul>
 */
public enum NominationExtension {
    NOMINATED_PHARMACY("https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NominatedPharmacy",
            DispensingSiteType.PHARMACY),
    MEDICAL_APPLIANCE_SUPPLIER("https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicalApplianceSupplier",
            DispensingSiteType.APPLIANCE_CONTRACTOR),
    PREFERRED_DISPENSER_ORGANIZATION(
            "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-PreferredDispenserOrganization",
            DispensingSiteType.DISPENSING_DOCTOR);

    private final String url;
    private final DispensingSiteType siteType;

    NominationExtension(String url, DispensingSiteType siteType) {
        this.url = url;
        this.siteType = siteType;
    }

    public String url() {
        return url;
    }

    public DispensingSiteType siteType() {
        return siteType;
    }

    /** The nomination extension with this URL, if it is one. */
    public static Optional<NominationExtension> fromUrl(String url) {
        return Arrays.stream(values()).filter(extension -> extension.url.equals(url)).findFirst();
    }
}
