package io.relais.contract.access;

/** What a grant allows on its resource; each level includes the ones before it. */
public enum AccessLevel {
    READ, WRITE, ADMIN
}
