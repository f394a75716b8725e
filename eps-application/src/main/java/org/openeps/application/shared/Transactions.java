package org.openeps.application.shared;

import java.util.function.Supplier;

/**
 * Runs a unit of work in one database transaction. Repository calls made on the same thread inside the work join
 * that transaction; a nested call joins the outer one. An exception thrown by the work rolls everything back.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
