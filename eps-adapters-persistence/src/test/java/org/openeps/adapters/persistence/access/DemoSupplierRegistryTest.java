package org.openeps.adapters.persistence.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openeps.domain.access.Feature;
import org.openeps.domain.access.SupplierSystem;
import org.openeps.domain.access.SupplierSystem.Status;

class DemoSupplierRegistryTest {

    private static final String HEADER = "client_id,supplier,product,version,features,status\n";
    private static final String GOOD_ROW =
            "demo-tracker,OpenEPS Demo,Demo Prescription Tracker,1.0.0,TRACKING,ASSURED\n";

    private static SupplierSystem demo(String clientId, String product, Status status, Feature... features) {
        return new SupplierSystem(clientId, "OpenEPS Demo", product, "1.0.0", Set.of(features), status);
    }

    private static void assertMalformed(String content, String... expected) {
        assertThatThrownBy(() -> DemoSupplierRegistry.read(content))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll(expected)
                .hasMessageContaining(DemoSupplierRegistry.RESOURCE);
    }

    @Test
    void shipped_registry_holds_the_six_demo_systems_the_readme_names() {
        assertThat(DemoSupplierRegistry.systems()).containsExactly(
                demo("demo-prescribing", "Demo GP System", Status.ASSURED, Feature.PRESCRIBING, Feature.TRACKING),
                demo("demo-dispensing", "Demo Pharmacy System", Status.ASSURED, Feature.DISPENSING, Feature.TRACKING,
                        Feature.STATUS_UPDATE),
                demo("demo-tracker", "Demo Prescription Tracker", Status.ASSURED, Feature.TRACKING),
                demo("demo-status-update", "Demo Status Update Service", Status.ASSURED, Feature.STATUS_UPDATE),
                demo("demo-patient-app", "Demo Patient App", Status.ASSURED, Feature.TRACKING),
                demo("demo-suspended", "Demo Suspended System", Status.SUSPENDED, Feature.values()));
    }

    @Test
    void quoted_values_blank_lines_extra_spaces_and_no_features_read() {
        List<SupplierSystem> systems = DemoSupplierRegistry.read("\uFEFF" + HEADER + "\n" + GOOD_ROW
                + "\"x, y\",\"Supplier \"\"Q\"\"\",Product,2.0,  DISPENSING   TRACKING ,WITHDRAWN\r\n"
                + "none,Supplier,Product,2.0,,SUSPENDED");

        assertThat(systems).containsExactly(
                demo("demo-tracker", "Demo Prescription Tracker", Status.ASSURED, Feature.TRACKING),
                new SupplierSystem("x, y", "Supplier \"Q\"", "Product", "2.0", Set.of(Feature.DISPENSING,
                        Feature.TRACKING), Status.WITHDRAWN),
                new SupplierSystem("none", "Supplier", "Product", "2.0", Set.of(), Status.SUSPENDED));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "unknown feature; demo-x,OpenEPS Demo,X,1.0.0,TRACKING PRESCRIBE,ASSURED; line 4: unknown feature 'PRESCRIBE'",
        "lower-case feature; demo-x,OpenEPS Demo,X,1.0.0,tracking,ASSURED; line 4: unknown feature 'tracking'",
        "unknown status; demo-x,OpenEPS Demo,X,1.0.0,TRACKING,ACTIVE; line 4: unknown status 'ACTIVE'",
        "missing supplier; demo-x,,X,1.0.0,TRACKING,ASSURED; line 4: The supplier system's supplier is missing",
        "missing version; demo-x,OpenEPS Demo,X,,TRACKING,ASSURED; line 4: The supplier system's version is missing",
        "too few columns; demo-x,OpenEPS Demo,X,1.0.0,TRACKING; line 4: expected 6 columns, found 5",
        "too many columns; demo-x,OpenEPS Demo,X,1.0.0,TRACKING,ASSURED,x; line 4: expected 6 columns, found 7",
        "repeated client ID; demo-tracker,OpenEPS Demo,X,1.0.0,TRACKING,ASSURED; line 4: client ID demo-tracker is already on line 2",
        "unclosed quote; \"demo-x,OpenEPS Demo,X,1.0.0,TRACKING,ASSURED; line 4: not valid CSV"
    })
    void malformed_line_is_reported_with_its_line_number(String what, String row, String expected) {
        assertMalformed(HEADER + GOOD_ROW + "\n" + row + "\n", expected);
    }

    @Test
    void header_must_name_the_columns_in_order() {
        assertMalformed("client_id,supplier,product,version,status,features\n" + GOOD_ROW,
                "line 1: the header row must be client_id,supplier,product,version,features,status");
        assertMalformed("\n", "line 1: the header row is missing");
        assertMalformed(HEADER, "line 1: no supplier system follows the header row");
    }
}
