package io.shopops.ordering.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Mainland China's seven geographic regions (七大地理分區), by province, so that an order can be served from
 * the warehouse of its own region (华东仓 for 上海). Province names are matched with or without their
 * 省/市/自治区 suffix.
 */
public final class Regions {

    private static final Map<String, String> BY_PROVINCE = new HashMap<>();

    static {
        region("华东", "上海", "江苏", "浙江", "安徽", "福建", "江西", "山东", "台湾");
        region("华南", "广东", "广西", "海南", "香港", "澳门");
        region("华北", "北京", "天津", "河北", "山西", "内蒙古");
        region("华中", "河南", "湖北", "湖南");
        region("西南", "重庆", "四川", "贵州", "云南", "西藏");
        region("西北", "陕西", "甘肃", "青海", "宁夏", "新疆");
        region("东北", "辽宁", "吉林", "黑龙江");
    }

    private Regions() {
    }

    private static void region(String region, String... provinces) {
        for (String province : provinces) {
            BY_PROVINCE.put(province, region);
        }
    }

    public static Optional<String> ofProvince(String province) {
        String name = province.trim();
        for (String suffix : new String[] { "维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市" }) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                name = name.substring(0, name.length() - suffix.length());
                break;
            }
        }
        return Optional.ofNullable(BY_PROVINCE.get(name));
    }
}
