package org.openeps.benchmark;

import java.time.Instant;
import java.util.SplittableRandom;
import org.openeps.benchmark.Messages.Kind;
import org.openeps.benchmark.Messages.Prescription;
import org.openeps.benchmark.Population.Organisation;
import org.openeps.benchmark.Population.Patient;

/**
 * What prescription number {@code n} is: its kind (GP acute, repeat prescribing, eRD, or hospital acute), 1 to 4
 * items, its patient, prescriber and nominated pharmacy, and its IDs. A function of the seed and {@code n} alone, so
 * the preload and the driver's look-ups of preloaded prescriptions agree without storing anything.
 */
final class Mix {

    /** Items per prescription: 1 to 4, most with one or two. */
    private static final double[] ITEMS = {0.45, 0.30, 0.15, 0.10};

    private final long seed;
    private final Population population;
    private final double trustShare;
    private final double repeatShare;
    private final double erdShare;

    Mix(long seed, Population population, double trustShare, double repeatShare, double erdShare) {
        this.seed = seed;
        this.population = population;
        this.trustShare = trustShare;
        this.repeatShare = repeatShare;
        this.erdShare = erdShare;
    }

    static SplittableRandom random(long seed, long n) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
    }

    Prescription prescription(long n, Instant authored) {
        SplittableRandom random = random(seed, n);
        Kind kind;
        double k = random.nextDouble();
        if (k < trustShare && !population.trusts().isEmpty()) {
            kind = Kind.TRUST_ACUTE;
        } else {
            double g = random.nextDouble();
            kind = g < erdShare ? Kind.GP_ERD : g < erdShare + repeatShare ? Kind.GP_REPEAT : Kind.GP_ACUTE;
        }
        double roll = random.nextDouble();
        int items = 1;
        double cumulative = ITEMS[0];
        while (items < 4 && roll >= cumulative) {
            cumulative += ITEMS[items];
            items++;
        }
        Patient patient = population.patient(random.nextInt(population.patientCount()));
        Organisation prescriber = kind == Kind.TRUST_ACUTE
                ? population.trusts().get(random.nextInt(population.trusts().size()))
                : population.practices().get(random.nextInt(population.practices().size()));
        Organisation nominated = patient.nominated() >= 0 ? population.pharmacies().get(patient.nominated()) : null;
        return Messages.newPrescription(random, kind, items, patient, prescriber, nominated, (int) n, authored);
    }
}
