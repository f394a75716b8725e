package org.openeps.adapters.http.web;

/** The two sites the web pages make: the clinical prescription tracker for staff, and the patients' own page. */
public enum Service {
    TRACKER("Prescription Tracker", "/site/"),
    PATIENT("Your prescriptions", "/patient/");

    private final String title;
    private final String home;

    Service(String title, String home) {
        this.title = title;
        this.home = home;
    }

    /** The service name in the header. */
    public String title() {
        return title;
    }

    /** Its home page. */
    public String home() {
        return home;
    }
}
