# Sourced by the scripts in bin/ and .ci/: points JAVA_HOME at a JDK 21 or newer.
# Uses JAVA_HOME if it is one, else the java on PATH, else the newest JDK under /usr/lib/jvm.

java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
        | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

jdk_ok() {
    [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(java_major "$1")" -ge 21 ] 2>/dev/null
}

select_jdk() {
    if jdk_ok "${JAVA_HOME:-}"; then
        return 0
    fi
    local candidate
    if command -v javac >/dev/null 2>&1; then
        candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
        if jdk_ok "$candidate"; then
            export JAVA_HOME="$candidate"
            return 0
        fi
    fi
    for candidate in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
        candidate=${candidate%/}
        if jdk_ok "$candidate"; then
            export JAVA_HOME="$candidate"
            return 0
        fi
    done
    echo "OpenEPS needs a JDK 21 or newer: install one, or point JAVA_HOME at it." >&2
    return 1
}
