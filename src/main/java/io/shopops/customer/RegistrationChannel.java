package io.shopops.customer;

/** Where a customer signed up: the web shop, the mobile app or the WeChat mini program (小程序). */
public enum RegistrationChannel {
    WEB, APP, MINI_PROGRAM
}
