package io.shopops.demo.internal;

import java.util.List;

/**
 * Who buys in the demo shop and where they live: common Chinese family and given names, nickname parts, and the
 * cities orders go to (weighted roughly by online spending), with districts, postal codes and regions.
 */
final class DemoPeopleData {

    private DemoPeopleData() {
    }

    /** Family names, the most common first (the first dozen cover about half of the population). */
    static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
            "马", "朱", "胡", "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
            "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁",
            "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "方",
            "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾",
            "毛", "郝", "龚", "邵", "万", "钱", "严", "武", "戴", "莫", "孔", "向", "汤", "欧阳", "司马", "上官");

    static final List<String> GIVEN = List.of("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
            "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "婷", "雪", "琳", "浩", "宇", "欣", "怡",
            "晨", "子涵", "梓萱", "一诺", "浩然", "宇轩", "欣怡", "思远", "佳琪", "雨桐", "俊杰", "嘉怡", "子轩",
            "诗涵", "文博", "梦琪", "晓东", "海燕", "建华", "丽娟", "志强", "春梅", "国庆", "红梅", "亚楠", "鹏",
            "飞", "旭", "颖", "倩", "蕾", "晶", "昊", "博", "悦", "然", "琪", "萌", "瑶");

    static final List<String> NICK_ADJECTIVES = List.of("快乐的", "爱吃", "安静的", "奔跑的", "元气", "佛系", "认真的",
            "迷糊的", "温柔的", "早起的", "熬夜的", "会飞的", "不吃香菜的", "小小", "努力的");
    static final List<String> NICK_NOUNS = List.of("小猫", "柠檬", "大白", "兔子", "星星", "橘子", "熊猫", "咸鱼",
            "蘑菇", "奶茶", "西瓜", "程序员", "宝妈", "旅行者", "铲屎官", "吃货", "跑者", "读书人");
    static final List<String> NICK_LATIN = List.of("sunny", "momo", "lucky", "coco", "leo", "amy", "kiki", "jason",
            "tina", "miumiu", "echo", "vivian", "kevin", "lily", "max", "doudou", "xiaoyu", "anan");

    static final List<String> MAIL_DOMAINS = List.of("qq.com", "163.com", "126.com", "foxmail.com", "gmail.com",
            "outlook.com", "sina.com");

    static final List<String> ROADS = List.of("人民路", "中山路", "解放路", "建设路", "和平路", "长江路", "文化路",
            "新华路", "东风路", "科技路", "学府路", "滨江大道", "湖滨路", "青年路", "光明路", "金融街", "花园路",
            "体育路", "南京路", "北京路");
    static final List<String> ESTATES = List.of("阳光花园", "翠湖苑", "金色家园", "万科城", "世纪公寓", "锦绣华庭",
            "绿地中心", "滨江壹号", "幸福里", "碧桂园", "龙湖天街", "保利香槟", "融创府", "中海国际", "华润城",
            "时代广场", "创意园", "东方明珠苑");

    /**
     * A city orders go to: province and city as the address book writes them, districts, the postal code's
     * prefix, the geographic region (for the nearest warehouse) and its share of the shop's customers.
     */
    record City(String province, String city, List<String> districts, String postalCode, String region,
            double weight) {
    }

    static final List<City> CITIES = List.of(
            new City("上海市", "上海市", List.of("浦东新区", "徐汇区", "闵行区", "静安区", "杨浦区"), "200000", "华东", 9.0),
            new City("北京市", "北京市", List.of("朝阳区", "海淀区", "丰台区", "西城区", "东城区"), "100000", "华北", 8.0),
            new City("广东省", "深圳市", List.of("南山区", "福田区", "宝安区", "龙岗区"), "518000", "华南", 7.0),
            new City("广东省", "广州市", List.of("天河区", "越秀区", "番禺区", "白云区", "海珠区"), "510000", "华南", 6.5),
            new City("浙江省", "杭州市", List.of("西湖区", "滨江区", "余杭区", "拱墅区", "上城区"), "310000", "华东", 5.5),
            new City("四川省", "成都市", List.of("武侯区", "锦江区", "高新区", "成华区"), "610000", "西南", 4.5),
            new City("江苏省", "南京市", List.of("鼓楼区", "玄武区", "江宁区", "建邺区"), "210000", "华东", 3.5),
            new City("江苏省", "苏州市", List.of("姑苏区", "工业园区", "吴中区", "相城区"), "215000", "华东", 3.5),
            new City("湖北省", "武汉市", List.of("洪山区", "武昌区", "江汉区", "江岸区"), "430000", "华中", 3.5),
            new City("重庆市", "重庆市", List.of("渝中区", "江北区", "南岸区", "渝北区"), "400000", "西南", 3.2),
            new City("陕西省", "西安市", List.of("雁塔区", "碑林区", "未央区", "长安区"), "710000", "西北", 2.8),
            new City("天津市", "天津市", List.of("和平区", "南开区", "河西区"), "300000", "华北", 2.5),
            new City("湖南省", "长沙市", List.of("岳麓区", "天心区", "雨花区", "开福区"), "410000", "华中", 2.5),
            new City("浙江省", "宁波市", List.of("鄞州区", "海曙区", "江北区"), "315000", "华东", 2.2),
            new City("山东省", "青岛市", List.of("市南区", "崂山区", "黄岛区"), "266000", "华东", 2.0),
            new City("河南省", "郑州市", List.of("金水区", "二七区", "郑东新区"), "450000", "华中", 2.0),
            new City("广东省", "东莞市", List.of("南城街道", "东城街道", "松山湖"), "523000", "华南", 2.0),
            new City("广东省", "佛山市", List.of("禅城区", "南海区", "顺德区"), "528000", "华南", 1.8),
            new City("福建省", "厦门市", List.of("思明区", "湖里区", "集美区"), "361000", "华东", 1.8),
            new City("安徽省", "合肥市", List.of("蜀山区", "包河区", "政务区"), "230000", "华东", 1.8),
            new City("江苏省", "无锡市", List.of("梁溪区", "滨湖区", "新吴区"), "214000", "华东", 1.6),
            new City("山东省", "济南市", List.of("历下区", "市中区", "槐荫区"), "250000", "华东", 1.5),
            new City("福建省", "福州市", List.of("鼓楼区", "仓山区", "台江区"), "350000", "华东", 1.4),
            new City("辽宁省", "沈阳市", List.of("和平区", "沈河区", "浑南区"), "110000", "东北", 1.3),
            new City("辽宁省", "大连市", List.of("中山区", "甘井子区", "沙河口区"), "116000", "东北", 1.2),
            new City("云南省", "昆明市", List.of("五华区", "盘龙区", "西山区"), "650000", "西南", 1.2),
            new City("江西省", "南昌市", List.of("东湖区", "红谷滩区", "青山湖区"), "330000", "华东", 1.1),
            new City("广西壮族自治区", "南宁市", List.of("青秀区", "西乡塘区", "良庆区"), "530000", "华南", 1.1),
            new City("黑龙江省", "哈尔滨市", List.of("南岗区", "道里区", "香坊区"), "150000", "东北", 1.0),
            new City("河北省", "石家庄市", List.of("长安区", "桥西区", "裕华区"), "050000", "华北", 1.0),
            new City("山西省", "太原市", List.of("小店区", "迎泽区", "杏花岭区"), "030000", "华北", 0.9),
            new City("贵州省", "贵阳市", List.of("南明区", "观山湖区", "云岩区"), "550000", "西南", 0.9),
            new City("吉林省", "长春市", List.of("朝阳区", "南关区", "绿园区"), "130000", "东北", 0.9),
            new City("海南省", "海口市", List.of("龙华区", "美兰区", "秀英区"), "570000", "华南", 0.7),
            new City("甘肃省", "兰州市", List.of("城关区", "七里河区", "安宁区"), "730000", "西北", 0.6),
            new City("新疆维吾尔自治区", "乌鲁木齐市", List.of("天山区", "沙依巴克区", "新市区"), "830000", "西北", 0.5),
            new City("内蒙古自治区", "呼和浩特市", List.of("新城区", "赛罕区", "回民区"), "010000", "华北", 0.5));

    /** Notes customers leave at checkout (备注). */
    static final List<String> NOTES = List.of("请尽快发货，谢谢", "周末送货", "不要放快递柜，放门卫就行", "送礼用，请不要放价格单",
            "请用纸箱包装", "工作日白天家里没人，请打电话");
}
