package org.openeps.application.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openeps.application.directory.Organisations.organisation;
import static org.openeps.application.nomination.ChangeNominationsUseCase.NominationRequest.nominate;
import static org.openeps.application.nomination.ChangeNominationsUseCase.NominationRequest.remove;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openeps.application.directory.InMemoryOrganisationDirectory;
import org.openeps.application.directory.NominatedOrganisations;
import org.openeps.application.nomination.ChangeNominationsUseCase.ChangeNominationsCommand;
import org.openeps.application.nomination.ChangeNominationsUseCase.NominationRequest;
import org.openeps.application.shared.InMemoryTransactions;
import org.openeps.domain.directory.Country;
import org.openeps.domain.directory.Organisation;
import org.openeps.domain.directory.OrganisationKind;
import org.openeps.domain.nomination.NominationChange;
import org.openeps.domain.nomination.Nominations;
import org.openeps.domain.prescription.Actor;
import org.openeps.domain.prescription.DispensingSiteType;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

class ChangeNominationsServiceTest {

    private static final NhsNumber PATIENT = new NhsNumber("9449304130");
    private static final Instant NOW = Instant.parse("2026-05-06T07:08:09Z");
    private static final Actor BY = Actor.of(new OdsCode("A83008"), Optional.empty());
    private static final OdsCode PHARMACY = new OdsCode("FA565");
    private static final OdsCode OTHER_PHARMACY = new OdsCode("FCG71");
    private static final OdsCode CONTRACTOR = new OdsCode("FAC01");
    private static final OdsCode CLOSED = new OdsCode("FCL01");

    private final InMemoryOrganisationDirectory directory = new InMemoryOrganisationDirectory();
    private final InMemoryNominationRepository repository = new InMemoryNominationRepository();
    private final ChangeNominationsService service = new ChangeNominationsService(
            new InMemoryTransactions(repository), repository, new NominatedOrganisations(directory),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final FindNominationsService find = new FindNominationsService(repository);

    ChangeNominationsServiceTest() {
        Organisation closed = organisation("FCL01", "CLOSED PHARMACY", OrganisationKind.COMMUNITY_PHARMACY, "LS1 1AA");
        directory.replaceAll(List.of(
                organisation("FA565", "ASDA INSTORE PHARMACY", OrganisationKind.COMMUNITY_PHARMACY, "LS15 8BA"),
                organisation("FCG71", "ONLINE", OrganisationKind.ONLINE_PHARMACY, "LS2 2BB"),
                organisation("FAC01", "APPLIANCES", OrganisationKind.APPLIANCE_CONTRACTOR, "LS3 3CC"),
                organisation("A83008", "HALLGARTH SURGERY", OrganisationKind.GP_PRACTICE, "DL4 2HP"),
                new Organisation(closed.ods(), closed.name(), closed.kind(), closed.addressLines(), closed.postcode(),
                        closed.telephone(), closed.website(), Country.ENGLAND, false)));
    }

    private Nominations change(long version, NominationRequest... requests) {
        return service.change(new ChangeNominationsCommand(PATIENT, version, List.of(requests), BY));
    }

    @Test
    void a_patient_who_never_nominated_is_found_with_none_at_version_0() {
        assertThat(find.find(PATIENT)).isEqualTo(Nominations.none(PATIENT));
    }

    @Test
    void set_change_and_remove_are_stored_with_their_history() {
        change(0, nominate(DispensingSiteType.PHARMACY, PHARMACY), nominate(DispensingSiteType.APPLIANCE_CONTRACTOR,
                CONTRACTOR));
        change(1, nominate(DispensingSiteType.PHARMACY, OTHER_PHARMACY));
        Nominations last = change(2, remove(DispensingSiteType.APPLIANCE_CONTRACTOR));

        assertThat(last.version()).isEqualTo(3);
        assertThat(find.find(PATIENT).all()).isEqualTo(Map.of(DispensingSiteType.PHARMACY, OTHER_PHARMACY));
        assertThat(find.history(PATIENT)).containsExactly(
                new NominationChange(PATIENT, DispensingSiteType.PHARMACY, Optional.empty(), Optional.of(PHARMACY), BY, NOW),
                new NominationChange(PATIENT, DispensingSiteType.APPLIANCE_CONTRACTOR, Optional.empty(),
                        Optional.of(CONTRACTOR), BY, NOW),
                new NominationChange(PATIENT, DispensingSiteType.PHARMACY, Optional.of(PHARMACY),
                        Optional.of(OTHER_PHARMACY), BY, NOW),
                new NominationChange(PATIENT, DispensingSiteType.APPLIANCE_CONTRACTOR, Optional.of(CONTRACTOR),
                        Optional.empty(), BY, NOW));
    }

    @Test
    void changes_that_change_nothing_keep_the_version() {
        change(0, nominate(DispensingSiteType.PHARMACY, PHARMACY));

        assertThat(change(1, nominate(DispensingSiteType.PHARMACY, PHARMACY)).version()).isEqualTo(1);
        assertThat(find.history(PATIENT)).hasSize(1);
    }

    @Test
    void a_stale_version_is_refused() {
        change(0, nominate(DispensingSiteType.PHARMACY, PHARMACY));

        assertThatThrownBy(() -> change(0, nominate(DispensingSiteType.PHARMACY, OTHER_PHARMACY)))
                .isInstanceOf(StaleNominationsException.class);
        assertThat(find.find(PATIENT).nominated(DispensingSiteType.PHARMACY)).contains(PHARMACY);
    }

    @Test
    void unknown_closed_and_wrong_kind_organisations_are_refused_with_their_codes_and_nothing_changes() {
        assertRefused(nominate(DispensingSiteType.PHARMACY, new OdsCode("FXX99")), ErrorCode.UNKNOWN_ORGANISATION);
        assertRefused(nominate(DispensingSiteType.PHARMACY, CLOSED), ErrorCode.ORGANISATION_CLOSED);
        assertRefused(nominate(DispensingSiteType.APPLIANCE_CONTRACTOR, PHARMACY), ErrorCode.ORGANISATION_WRONG_KIND);
        assertRefused(nominate(DispensingSiteType.PHARMACY, new OdsCode("A83008")), ErrorCode.ORGANISATION_WRONG_KIND);

        assertThat(find.find(PATIENT)).isEqualTo(Nominations.none(PATIENT));
        assertThat(find.history(PATIENT)).isEmpty();
    }

    private void assertRefused(NominationRequest refused, ErrorCode code) {
        assertThatThrownBy(() -> change(0, nominate(DispensingSiteType.PHARMACY, PHARMACY), refused))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
