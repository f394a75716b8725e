package org.openeps.domain.access;

/** The parts of EPS a supplier system is assured for, each separately. */
public enum Feature {
    PRESCRIBING,
    DISPENSING,
    TRACKING,
    STATUS_UPDATE
}
