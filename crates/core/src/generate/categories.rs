//! The category tree of the generated marketplace and what each L2 category sells.
//!
//! A static table rather than generated data: the names, price ranges and product words must make
//! sense together (a 大家电 costs thousands of yuan, 抽纸 a few), and the repurchase flag decides
//! which metric the trust index uses for the category, so it is chosen by hand.

use crate::model::Repurchase;

/// The L1 family, which picks the review and live-script phrases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Food,
    Beauty,
    Apparel,
    Home,
    Digital,
    Baby,
    Pet,
    Jewelry,
}

#[derive(Debug)]
pub(super) struct L1Def {
    pub id: &'static str,
    pub name: &'static str,
    pub kind: Kind,
}

#[derive(Debug)]
pub(super) struct L2Def {
    pub id: &'static str,
    pub name: &'static str,
    /// Index into [`L1`].
    pub l1: usize,
    pub repurchase: Repurchase,
    /// List-price range in fen; prices are skewed towards the low end.
    pub price_fen: (i64, i64),
    /// How many merchants the category attracts beyond its guaranteed minimum.
    pub popularity: u32,
    /// Product nouns, combined with a spec into a title.
    pub items: &'static [&'static str],
    pub specs: &'static [&'static str],
    /// Product nouns that go into shop names (山里 + 鲜果 + 铺, 老杨家 + 土蜂蜜).
    pub shop_words: &'static [&'static str],
}

impl L2Def {
    pub fn kind(&self) -> Kind {
        L1.get(self.l1).map_or(Kind::Home, |l1| l1.kind)
    }
}

// A table reads better one entry per line than in rustfmt's one-field-per-line layout.
#[rustfmt::skip]
pub(super) const L1: [L1Def; 8] = [
    L1Def { id: "c-food", name: "食品饮料", kind: Kind::Food },
    L1Def { id: "c-beauty", name: "美妆个护", kind: Kind::Beauty },
    L1Def { id: "c-apparel", name: "服饰内衣", kind: Kind::Apparel },
    L1Def { id: "c-home", name: "家居日用", kind: Kind::Home },
    L1Def { id: "c-digital", name: "数码家电", kind: Kind::Digital },
    L1Def { id: "c-baby", name: "母婴", kind: Kind::Baby },
    L1Def { id: "c-pet", name: "宠物", kind: Kind::Pet },
    L1Def { id: "c-jewelry", name: "珠宝配饰", kind: Kind::Jewelry },
];

use Repurchase::{High, Low};

#[rustfmt::skip]
pub(super) const L2: [L2Def; 28] = [
    L2Def {
        id: "c-food-fresh", name: "生鲜水果", l1: 0, repurchase: High,
        price_fen: (1990, 12990), popularity: 12,
        items: &["赣南脐橙", "烟台红富士苹果", "丹东草莓", "海南贵妃芒", "四川耙耙柑", "云南蓝莓", "阿克苏冰糖心苹果", "广西沃柑", "砀山酥梨", "攀枝花凯特芒"],
        specs: &["5斤装", "10斤家庭装", "3斤尝鲜装", "带箱9斤", "精选大果4.5斤"],
        shop_words: &["鲜果", "水果", "脐橙", "草莓", "芒果"],
    },
    L2Def {
        id: "c-food-snacks", name: "休闲零食", l1: 0, repurchase: High,
        price_fen: (990, 5990), popularity: 10,
        items: &["每日坚果", "手撕牛肉干", "麻辣鸭脖", "芒果干", "原味腰果", "香辣小鱼仔", "海苔脆片", "蛋黄酥", "沙琪玛", "猪肉脯"],
        specs: &["500g", "30包整箱", "混合装1kg", "礼盒装", "家庭分享装"],
        shop_words: &["零食", "坚果", "牛肉干", "辣条", "小吃"],
    },
    L2Def {
        id: "c-food-grain", name: "粮油调味", l1: 0, repurchase: High,
        price_fen: (1990, 8990), popularity: 6,
        items: &["五常稻花香大米", "东北长粒香米", "压榨花生油", "土榨菜籽油", "古法酱油", "郫县豆瓣酱", "手工挂面", "小磨香油", "农家土鸡蛋", "杂粮组合"],
        specs: &["家庭装", "组合装", "量贩装", "礼盒装", "实惠装"],
        shop_words: &["大米", "粮油", "菜籽油", "杂粮", "土鸡蛋"],
    },
    L2Def {
        id: "c-food-tea", name: "茶饮冲调", l1: 0, repurchase: High,
        price_fen: (2990, 29900), popularity: 5,
        items: &["明前龙井", "安溪铁观音", "云南普洱熟茶", "正山小种红茶", "福鼎白茶饼", "黑芝麻丸", "桂花藕粉", "即食燕麦片", "挂耳咖啡", "红枣枸杞茶"],
        specs: &["礼盒装", "罐装", "袋装", "组合装", "尝鲜装"],
        shop_words: &["好茶", "茶叶", "普洱", "红茶", "冲饮"],
    },
    L2Def {
        id: "c-food-tonic", name: "滋补保健", l1: 0, repurchase: High,
        price_fen: (4990, 59900), popularity: 5,
        items: &["土蜂蜜", "即食燕窝", "阿胶糕", "宁夏枸杞", "长白山人参", "新疆红枣", "黑枸杞", "铁皮石斛", "西洋参片", "桃胶皂角米"],
        specs: &["礼盒装", "瓶装", "特级", "家庭装", "尝鲜装"],
        shop_words: &["土蜂蜜", "红枣", "枸杞", "燕窝", "阿胶"],
    },
    L2Def {
        id: "c-beauty-skincare", name: "护肤", l1: 1, repurchase: High,
        price_fen: (4900, 49900), popularity: 8,
        items: &["玻尿酸补水面膜", "烟酰胺精华液", "修护面霜", "氨基酸洗面奶", "清爽防晒霜", "淡纹眼霜", "保湿爽肤水", "身体乳", "精华油", "冻干粉"],
        specs: &["正装", "套装", "两瓶装", "大容量", "旅行装"],
        shop_words: &["护肤品", "面膜", "精华", "面霜", "水乳"],
    },
    L2Def {
        id: "c-beauty-makeup", name: "彩妆", l1: 1, repurchase: Low,
        price_fen: (2990, 29900), popularity: 5,
        items: &["丝绒哑光口红", "持妆粉底液", "气垫BB霜", "大地色眼影盘", "防水眉笔", "定妆散粉", "腮红", "睫毛膏", "遮瑕膏", "镜面唇釉"],
        specs: &["单支", "套装", "12色", "礼盒", "两支装"],
        shop_words: &["彩妆", "口红", "粉底", "眼影", "美妆"],
    },
    L2Def {
        id: "c-beauty-personal", name: "个人护理", l1: 1, repurchase: High,
        price_fen: (990, 6990), popularity: 5,
        items: &["氨基酸洗发水", "香氛沐浴露", "美白牙膏", "电动牙刷刷头", "护发素", "泡沫洗手液", "卫生巾", "漱口水", "硫磺皂", "发膜"],
        specs: &["家庭装", "组合装", "大容量", "囤货装", "3件套"],
        shop_words: &["洗护", "洗发水", "牙膏", "日化", "个护"],
    },
    L2Def {
        id: "c-apparel-women", name: "女装", l1: 2, repurchase: Low,
        price_fen: (3990, 39900), popularity: 10,
        items: &["羊毛针织开衫", "法式碎花连衣裙", "高腰阔腿裤", "短款羽绒服", "双面毛呢大衣", "连帽卫衣", "雪纺衬衫", "牛仔半身裙", "加绒打底裤", "小香风外套"],
        specs: &["S-XL", "均码", "秋冬款", "新款", "加厚"],
        shop_words: &["女装", "衣服", "毛衣", "连衣裙", "大衣"],
    },
    L2Def {
        id: "c-apparel-men", name: "男装", l1: 2, repurchase: Low,
        price_fen: (4990, 49900), popularity: 6,
        items: &["纯棉T恤", "休闲夹克", "商务衬衫", "加绒卫衣", "连帽羽绒服", "工装裤", "冲锋衣", "羊毛衫", "运动套装", "直筒牛仔裤"],
        specs: &["M-4XL", "宽松版", "秋冬款", "修身款", "加厚"],
        shop_words: &["男装", "夹克", "衬衫", "卫衣", "衣服"],
    },
    L2Def {
        id: "c-apparel-underwear", name: "内衣袜子", l1: 2, repurchase: High,
        price_fen: (1990, 9900), popularity: 5,
        items: &["纯棉内裤", "无痕内衣", "中筒棉袜", "保暖内衣套装", "隐形船袜", "珊瑚绒睡衣", "打底背心", "运动文胸", "加厚毛巾袜", "莫代尔内裤"],
        specs: &["5条装", "10双装", "套装", "两件装", "均码"],
        shop_words: &["内衣", "袜子", "睡衣", "棉袜", "保暖内衣"],
    },
    L2Def {
        id: "c-apparel-shoes", name: "鞋靴", l1: 2, repurchase: Low,
        price_fen: (5990, 59900), popularity: 5,
        items: &["老北京布鞋", "运动跑鞋", "雪地靴", "小白鞋", "马丁靴", "棉拖鞋", "乐福鞋", "加绒板鞋", "老爹鞋", "切尔西靴"],
        specs: &["35-44码", "加绒款", "新款", "轻便款", "防滑款"],
        shop_words: &["鞋子", "布鞋", "运动鞋", "靴子", "好鞋"],
    },
    L2Def {
        id: "c-home-kitchen", name: "厨具", l1: 3, repurchase: Low,
        price_fen: (2990, 39900), popularity: 5,
        items: &["不粘炒锅", "铸铁炖锅", "菜刀套装", "保温饭盒", "竹木砧板", "陶瓷碗碟套装", "不锈钢汤锅", "硅胶铲勺", "玻璃保鲜盒", "蒸笼"],
        specs: &["32cm", "套装", "5件套", "家用款", "加厚"],
        shop_words: &["厨具", "锅具", "炒锅", "刀具", "餐具"],
    },
    L2Def {
        id: "c-home-textile", name: "家纺", l1: 3, repurchase: Low,
        price_fen: (4990, 59900), popularity: 4,
        items: &["纯棉四件套", "蚕丝被", "乳胶枕", "珊瑚绒毯", "羽绒被", "记忆棉床垫", "沙发抱枕", "毛巾浴巾套装", "冰丝凉席", "遮光窗帘"],
        specs: &["加厚款", "冬季款", "简约款", "套装", "四季款"],
        shop_words: &["家纺", "床品", "被子", "四件套", "枕头"],
    },
    L2Def {
        id: "c-home-cleaning", name: "清洁纸品", l1: 3, repurchase: High,
        price_fen: (990, 5990), popularity: 5,
        items: &["原木抽纸", "卷纸", "薰衣草洗衣液", "洗洁精", "厨房湿巾", "加厚垃圾袋", "消毒液", "洗衣凝珠", "擦手纸", "地板清洁剂"],
        specs: &["家庭装", "整箱", "组合装", "量贩装", "囤货装"],
        shop_words: &["纸品", "日用品", "洗衣液", "抽纸", "家清"],
    },
    L2Def {
        id: "c-home-furniture", name: "家具", l1: 3, repurchase: Low,
        price_fen: (29900, 299900), popularity: 2,
        items: &["实木床", "布艺沙发", "电脑桌", "推拉门衣柜", "餐桌椅组合", "落地书架", "电视柜", "床头柜", "懒人沙发", "翻斗鞋柜"],
        specs: &["北欧风", "简约款", "实木款", "组合款", "加厚款"],
        shop_words: &["家具", "实木家具", "沙发", "床垫", "柜子"],
    },
    L2Def {
        id: "c-digital-phone", name: "手机配件", l1: 4, repurchase: Low,
        price_fen: (990, 9900), popularity: 4,
        items: &["快充数据线", "氮化镓充电器", "防摔手机壳", "钢化膜", "充电宝", "蓝牙耳机", "车载支架", "无线充电器", "自拍杆", "手机散热器"],
        specs: &["通用款", "两件装", "升级款", "快充版", "新款"],
        shop_words: &["数码", "手机壳", "充电器", "配件", "耳机"],
    },
    L2Def {
        id: "c-digital-small", name: "小家电", l1: 4, repurchase: Low,
        price_fen: (9900, 99900), popularity: 4,
        items: &["空气炸锅", "破壁机", "电热水壶", "负离子吹风机", "扫地机器人", "电饭煲", "养生壶", "挂烫机", "取暖器", "加湿器"],
        specs: &["家用款", "5L", "大容量", "智能款", "升级款"],
        shop_words: &["家电", "小家电", "电器", "厨房电器", "好电器"],
    },
    L2Def {
        id: "c-digital-appliance", name: "大家电", l1: 4, repurchase: Low,
        price_fen: (99900, 899900), popularity: 2,
        items: &["滚筒洗衣机", "变频空调", "对开门冰箱", "液晶电视", "燃气热水器", "洗碗机", "烘干机", "油烟机", "集成灶", "冰柜"],
        specs: &["家用款", "节能款", "旗舰款", "智能款", "新一级能效"],
        shop_words: &["家电", "电器", "空调", "冰箱", "洗衣机"],
    },
    L2Def {
        id: "c-digital-gadgets", name: "智能数码", l1: 4, repurchase: Low,
        price_fen: (4990, 199900), popularity: 3,
        items: &["智能手表", "平板电脑", "运动手环", "家用投影仪", "机械键盘", "游戏鼠标", "学习机", "智能音箱", "行车记录仪", "电子阅读器"],
        specs: &["标准版", "旗舰版", "升级款", "青春版", "礼盒装"],
        shop_words: &["数码", "智能设备", "手表", "平板", "电子产品"],
    },
    L2Def {
        id: "c-baby-formula", name: "奶粉", l1: 5, repurchase: High,
        price_fen: (14900, 39900), popularity: 3,
        items: &["婴儿配方奶粉1段", "婴儿配方奶粉2段", "幼儿配方奶粉3段", "羊奶粉", "有机奶粉", "儿童成长奶粉", "水解蛋白奶粉", "A2奶粉", "学生奶粉", "孕妇奶粉"],
        specs: &["800g", "900g罐装", "两罐装", "6罐整箱", "400g"],
        shop_words: &["奶粉", "母婴用品", "羊奶粉", "婴儿奶粉", "好奶粉"],
    },
    L2Def {
        id: "c-baby-diapers", name: "纸尿裤", l1: 5, repurchase: High,
        price_fen: (5990, 19900), popularity: 3,
        items: &["纸尿裤", "拉拉裤", "婴儿湿巾", "隔尿垫", "婴儿棉柔巾", "溢乳垫", "成长裤", "夜用纸尿裤", "婴儿护臀膏", "口水巾"],
        specs: &["整箱", "量贩装", "家庭装", "组合装", "试用装"],
        shop_words: &["纸尿裤", "母婴用品", "尿不湿", "湿巾", "宝宝用品"],
    },
    L2Def {
        id: "c-baby-kids-wear", name: "童装", l1: 5, repurchase: Low,
        price_fen: (2990, 19900), popularity: 4,
        items: &["儿童羽绒服", "加绒卫衣", "婴儿连体衣", "儿童运动鞋", "儿童睡衣", "儿童打底裤", "公主裙", "儿童棉袄", "婴儿爬服", "儿童外套"],
        specs: &["90-150码", "加厚款", "新款", "两件套", "秋冬款"],
        shop_words: &["童装", "童鞋", "宝宝衣服", "儿童服饰", "童衣"],
    },
    L2Def {
        id: "c-baby-toys", name: "玩具", l1: 5, repurchase: Low,
        price_fen: (1990, 29900), popularity: 3,
        items: &["拼装积木", "遥控汽车", "毛绒玩具", "儿童拼图", "早教机", "绘本套装", "过家家玩具", "磁力片", "益智桌游", "泡泡机"],
        specs: &["套装", "100片", "礼盒装", "大号", "升级款"],
        shop_words: &["玩具", "积木", "益智玩具", "绘本", "童趣"],
    },
    L2Def {
        id: "c-pet-food", name: "宠物食品", l1: 6, repurchase: High,
        price_fen: (2990, 29900), popularity: 4,
        items: &["全价猫粮", "全价狗粮", "冻干猫零食", "猫条", "鸡肉干", "幼犬粮", "主食罐头", "宠物羊奶粉", "磨牙棒", "营养膏"],
        specs: &["家庭装", "整箱", "量贩装", "试吃装", "组合装"],
        shop_words: &["猫粮", "狗粮", "宠物零食", "宠粮", "猫条"],
    },
    L2Def {
        id: "c-pet-supplies", name: "宠物用品", l1: 6, repurchase: Low,
        price_fen: (1990, 29900), popularity: 3,
        items: &["豆腐猫砂", "猫爬架", "四季狗窝", "牵引绳", "自动饮水机", "猫抓板", "宠物指甲剪", "航空箱", "宠物梳", "封闭猫砂盆"],
        specs: &["10L", "大号", "四季款", "通用款", "套装"],
        shop_words: &["宠物用品", "猫砂", "猫爬架", "狗窝", "萌宠"],
    },
    L2Def {
        id: "c-jewelry-gold", name: "黄金珠宝", l1: 7, repurchase: Low,
        price_fen: (99900, 999900), popularity: 3,
        items: &["足金手镯", "黄金转运珠", "古法金手链", "和田玉手镯", "天然珍珠项链", "翡翠吊坠", "足金耳钉", "银手镯", "钻石戒指", "黄金戒指"],
        specs: &["附证书", "礼盒装", "经典款", "新款", "可调节"],
        shop_words: &["黄金", "珠宝", "玉器", "金饰", "首饰"],
    },
    L2Def {
        id: "c-jewelry-accessories", name: "文玩饰品", l1: 7, repurchase: Low,
        price_fen: (990, 29900), popularity: 3,
        items: &["小叶紫檀手串", "菩提手串", "925银项链", "珍珠发夹", "气质耳环", "转运手链", "星月菩提", "蜜蜡吊坠", "复古胸针", "琥珀手串"],
        specs: &["礼盒装", "单条", "套装", "两件装", "新款"],
        shop_words: &["饰品", "文玩", "手串", "首饰", "小饰品"],
    },
];
