package io.shopops.content;

/** Where the shop shows content: the website on a computer, the mobile site or app, the WeChat mini-program. */
public enum ContentChannel {
    PC, MOBILE, MINI_PROGRAM
}
