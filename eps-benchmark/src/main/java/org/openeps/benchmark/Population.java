package org.openeps.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.openeps.domain.shared.NhsNumber;

/**
 * The organisations and patients of a run, all derived from the seed so that the preload, the driver and a later run
 * agree on who exists: GP practices and hospital trusts that prescribe, community and online pharmacies that dispense
 * (each with one user), and patients, most of whom have nominated a pharmacy. Patient {@code i} is computed from
 * {@code i} alone, so millions of them need no memory.
 */
final class Population {

    enum Kind {
        GP_PRACTICE("gp-practice"), NHS_TRUST("nhs-trust"), COMMUNITY_PHARMACY("community-pharmacy"),
        ONLINE_PHARMACY("online-pharmacy");

        final String code;

        Kind(String code) {
            this.code = code;
        }

        boolean prescribes() {
            return this == GP_PRACTICE || this == NHS_TRUST;
        }
    }

    /** An organisation and the one user who acts for it (SDS user ID, role profile ID). */
    record Organisation(String ods, String name, Kind kind, String postcode, String sdsUserId, String roleProfileId) {
    }

    /** A patient; {@code nominated} is an index into {@link #pharmacies()}, or -1 for none. */
    record Patient(int index, String nhsNumber, String family, String given, LocalDate birthDate, String postcode,
                   int nominated) {
    }

    private static final String[] FAMILY = {"SMITH", "JONES", "TAYLOR", "BROWN", "WILLIAMS", "WILSON", "JOHNSON",
            "DAVIES", "ROBINSON", "WRIGHT", "THOMPSON", "EVANS", "WALKER", "WHITE", "ROBERTS", "GREEN", "HALL", "WOOD",
            "JACKSON", "CLARKE", "PATEL", "KHAN", "LEWIS", "JAMES", "PHILLIPS", "MASON", "MITCHELL", "ROSE", "DAVIS",
            "RODRIGUEZ", "COX", "ALEXANDER", "TWITCHETT", "OKAFOR", "NGUYEN", "KOWALSKI", "MURPHY", "OBRIEN"};
    private static final String[] GIVEN = {"OLIVIA", "AMELIA", "ISLA", "AVA", "MIA", "IVY", "LILY", "ISABELLA",
            "NOAH", "OLIVER", "GEORGE", "ARTHUR", "MUHAMMAD", "LEO", "HARRY", "OSCAR", "STACEY", "MARISA", "JACK",
            "MARGARET", "PETER", "SUSAN", "DAVID", "JOHN", "PRIYA", "AISHA", "TOMASZ", "SIOBHAN"};
    private static final String[] AREAS = {"LS", "DL", "KT", "TA", "M", "B", "NE", "BS", "CF", "SO", "NG", "L"};

    private final long seed;
    private final int patients;
    private final double nominatedShare;
    private final List<Organisation> practices = new ArrayList<>();
    private final List<Organisation> trusts = new ArrayList<>();
    private final List<Organisation> pharmacies = new ArrayList<>();

    Population(long seed, int gpPractices, int trusts, int pharmacies, double onlineShare, int patients,
               double nominatedShare) {
        this.seed = seed;
        this.patients = patients;
        this.nominatedShare = nominatedShare;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < gpPractices; i++) {
            practices.add(organisation(String.format(Locale.ROOT, "B%05d", 80000 + i), "BENCH SURGERY " + i,
                    Kind.GP_PRACTICE, random, 1_000_000 + i));
        }
        for (int i = 0; i < trusts; i++) {
            this.trusts.add(organisation(String.format(Locale.ROOT, "RX%03d", i), "BENCH HOSPITAL TRUST " + i,
                    Kind.NHS_TRUST, random, 2_000_000 + i));
        }
        int online = (int) Math.round(pharmacies * onlineShare);
        for (int i = 0; i < pharmacies; i++) {
            boolean isOnline = i >= pharmacies - online;
            String ods = String.format(Locale.ROOT, "F%c%03d", (char) ('A' + (i / 1000) % 26), i % 1000);
            this.pharmacies.add(organisation(ods, (isOnline ? "BENCH ONLINE PHARMACY " : "BENCH PHARMACY ") + i,
                    isOnline ? Kind.ONLINE_PHARMACY : Kind.COMMUNITY_PHARMACY, random, 3_000_000 + i));
        }
    }

    private static Organisation organisation(String ods, String name, Kind kind, SplittableRandom random, int user) {
        String postcode = AREAS[random.nextInt(AREAS.length)] + (1 + random.nextInt(20)) + " " + random.nextInt(10)
                + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
        return new Organisation(ods, name, kind, postcode, String.valueOf(555_000_000_000L + user),
                String.valueOf(777_000_000_000L + user));
    }

    List<Organisation> practices() {
        return practices;
    }

    List<Organisation> trusts() {
        return trusts;
    }

    List<Organisation> pharmacies() {
        return pharmacies;
    }

    int patientCount() {
        return patients;
    }

    /** Patient {@code index} (0 to {@link #patientCount()} - 1), the same every time. */
    Patient patient(int index) {
        SplittableRandom random = new SplittableRandom(seed * 31 + index);
        String family = FAMILY[random.nextInt(FAMILY.length)];
        String given = GIVEN[random.nextInt(GIVEN.length)];
        LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(365 * 90));
        String postcode = AREAS[random.nextInt(AREAS.length)] + (1 + random.nextInt(20)) + " " + random.nextInt(10)
                + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
        int nominated = random.nextDouble() < nominatedShare ? random.nextInt(pharmacies.size()) : -1;
        return new Patient(index, nhsNumber(index), family, given, birth, postcode, nominated);
    }

    /**
     * A valid NHS number for a patient index: the first nine digits are 900000000 + 11 x index plus the smallest
     * offset whose Modulus 11 check value is not 10 (at most a few steps), so numbers never collide between indexes.
     */
    static String nhsNumber(int index) {
        long base = 900_000_000L + 11L * index;
        for (int offset = 0; offset < 11; offset++) {
            Optional<NhsNumber> number = NhsNumber.withCheckDigit(Long.toString(base + offset));
            if (number.isPresent()) {
                return number.get().value();
            }
        }
        throw new IllegalStateException("No valid NHS number near index " + index);
    }

    /** The organisation directory file (docs/directory-csv.md) holding every organisation of the run. */
    String directoryCsv() {
        StringBuilder csv = new StringBuilder("ods,name,kind,address,postcode,telephone,website,country,status\n");
        // the payers claims name, and NHS BSA itself
        csv.append("T1450,NHS BUSINESS SERVICES AUTHORITY,nhsbsa,STELLA HOUSE|GOLDCREST WAY|NEWCASTLE UPON TYNE,"
                + "NE15 8NY,,,england,open\n");
        List<Organisation> all = new ArrayList<>(practices);
        all.addAll(trusts);
        all.addAll(pharmacies);
        for (Organisation org : all) {
            csv.append(org.ods()).append(',').append(org.name()).append(',').append(org.kind().code).append(',')
                    .append("1 BENCH STREET|BENCH TOWN").append(',').append(org.postcode()).append(",0113 0000000,")
                    .append(org.kind() == Kind.ONLINE_PHARMACY
                            ? "https://" + org.ods().toLowerCase(Locale.ROOT) + ".pharmacy.example/" : "")
                    .append(",england,open\n");
        }
        return csv.toString();
    }
}
