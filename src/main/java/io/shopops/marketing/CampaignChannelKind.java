package io.shopops.marketing;

/** Where a campaign reaches people (投放渠道): the shop's own store, marketplaces, social, search, KOLs, ... */
public enum CampaignChannelKind {
    OWN_STORE, MARKETPLACE, SOCIAL, SEARCH, KOL, SMS_EMAIL, OFFLINE, OTHER
}
