package org.openeps.adapters.http.access;

/**
 * Everything the server does about access on every request: who is calling, whether their supplier system is within
 * its rate limit, and the audit of what they asked.
 */
public record AccessControl(Authentication authentication, RateLimits rateLimits, RequestAccess requests) {
}
